// Serializes an item as a JSON:API resource object (shared by the content API and the admin API):
// attributes the caller may not view are absent; sparse fieldsets are honoured. What to emit is
// planned once per type and context (one request), then applied to each item.
import { hasPermission, type Actor } from '../../access/actor.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem, ResourceIdentifier } from '../content-item.js'

export interface SerializeContext {
  /** Absolute base of resource URLs, e.g. http://host/jsonapi or http://host/admin/api/content. */
  baseUrl: string
  actor: Actor
  /** Sparse fieldsets by type; absent type = every field. */
  fields?: ReadonlyMap<string, ReadonlySet<string>>
  /** Add relationship links (the content API serves them; the admin API does not). */
  relationshipLinks?: boolean
  /** Extra resource meta (revision numbers, open transitions), computed by the caller. */
  meta?: (item: ContentItem) => Record<string, unknown> | undefined
}

export interface ResourceObject {
  type: string
  id: string
  attributes: Record<string, unknown>
  relationships: Record<string, unknown>
  links: { self: string }
  meta?: Record<string, unknown>
}

/** What to emit for one type under one context: worked out once, then applied to every item. */
interface ResourcePlan {
  base: { created: boolean, changed: boolean, status: boolean, moderationState: boolean, uid: boolean }
  attributes: ReadonlyArray<{ name: string, multiple: boolean }>
  relationships: ReadonlyArray<{ name: string, multiple: boolean }>
}

const plans = new WeakMap<SerializeContext, Map<CompiledType, ResourcePlan>>()

function resourcePlan (type: CompiledType, ctx: SerializeContext): ResourcePlan {
  let byType = plans.get(ctx)
  if (!byType) plans.set(ctx, byType = new Map())
  let plan = byType.get(type)
  if (plan) return plan
  const wanted = ctx.fields?.get(type.id)
  const has = (name: string) => !wanted || wanted.has(name)
  const fields = [...type.fields.values()].filter(field => {
    const permission = field.definition.viewPermission
    return has(field.name) && !(permission && !hasPermission(ctx.actor, permission))
  })
  plan = {
    base: { created: has('created'), changed: has('changed'), status: has('status'), moderationState: type.definition.workflow !== undefined && has('moderation_state'), uid: has('uid') },
    attributes: fields.filter(f => !f.relationship).map(f => ({ name: f.name, multiple: f.multiple })),
    relationships: fields.filter(f => f.relationship).map(f => ({ name: f.name, multiple: f.multiple }))
  }
  byType.set(type, plan)
  return plan
}

function identifier (value: unknown): ResourceIdentifier | null {
  return value ? { type: (value as ResourceIdentifier).type, id: (value as ResourceIdentifier).id } : null
}

export function serializeResource (type: CompiledType, item: ContentItem, ctx: SerializeContext): ResourceObject {
  const { base, attributes: attributeFields, relationships: relationshipFields } = resourcePlan(type, ctx)
  const links = ctx.relationshipLinks === true
  const self = `${ctx.baseUrl}/${type.id}/${item.id}`
  const attributes: Record<string, unknown> = {}
  if (base.created) attributes.created = item.created
  if (base.changed) attributes.changed = item.changed
  if (base.status) attributes.status = item.status
  if (base.moderationState) attributes.moderation_state = item.moderationState
  for (const { name, multiple } of attributeFields) attributes[name] = item.values[name] ?? (multiple ? [] : null)
  const relationships: Record<string, unknown> = {}
  if (base.uid) {
    const data = item.uid ? { type: 'user', id: item.uid } : null
    relationships.uid = links ? { data, links: { self: `${self}/relationships/uid`, related: `${self}/uid` } } : { data }
  }
  for (const { name, multiple } of relationshipFields) {
    const value = item.values[name]
    const data = multiple ? ((value ?? []) as ResourceIdentifier[]).map(identifier) : identifier(value)
    relationships[name] = links ? { data, links: { self: `${self}/relationships/${name}`, related: `${self}/${name}` } } : { data }
  }
  const resource: ResourceObject = { type: type.id, id: item.id, attributes, relationships, links: { self } }
  const meta = ctx.meta?.(item)
  if (meta && Object.keys(meta).length > 0) resource.meta = meta
  return resource
}
