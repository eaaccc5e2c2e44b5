// Serializes an item as a JSON:API resource object (shared by the content API and the admin API):
// attributes the caller may not view are absent; sparse fieldsets are honoured.
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

function relationshipLinks (self: string, name: string): { self: string, related: string } {
  return { self: `${self}/relationships/${name}`, related: `${self}/${name}` }
}

export function serializeResource (type: CompiledType, item: ContentItem, ctx: SerializeContext): ResourceObject {
  const wanted = ctx.fields?.get(type.id)
  const include = (name: string) => !wanted || wanted.has(name)
  const self = `${ctx.baseUrl}/${type.id}/${item.id}`
  const attributes: Record<string, unknown> = {}
  if (include('created')) attributes.created = item.created
  if (include('changed')) attributes.changed = item.changed
  if (include('status')) attributes.status = item.status
  if (type.definition.workflow && include('moderation_state')) attributes.moderation_state = item.moderationState
  const relationships: Record<string, unknown> = {}
  if (include('uid')) {
    const data = item.uid ? { type: 'user', id: item.uid } : null
    relationships.uid = ctx.relationshipLinks === true ? { data, links: relationshipLinks(self, 'uid') } : { data }
  }
  for (const field of type.fields.values()) {
    if (!include(field.name)) continue
    const permission = field.definition.viewPermission
    if (permission && !hasPermission(ctx.actor, permission)) continue
    const value = item.values[field.name]
    if (!field.relationship) {
      attributes[field.name] = value ?? (field.multiple ? [] : null)
      continue
    }
    const data = field.multiple
      ? ((value ?? []) as ResourceIdentifier[]).map(r => ({ type: r.type, id: r.id }))
      : value ? { type: (value as ResourceIdentifier).type, id: (value as ResourceIdentifier).id } : null
    relationships[field.name] = ctx.relationshipLinks === true ? { data, links: relationshipLinks(self, field.name) } : { data }
  }
  const resource: ResourceObject = { type: type.id, id: item.id, attributes, relationships, links: { self } }
  const meta = ctx.meta?.(item)
  if (meta && Object.keys(meta).length > 0) resource.meta = meta
  return resource
}
