// Loads included resources level by level: every path level costs one batched statement per
// target type (WHERE id IN …, with the access row filter) plus one per multi-valued field of
// that type — never one per item. Hidden targets are left out; what was asked for is reported
// (visible or not) so caches can be tagged with everything the answer depended on.
import type { Actor } from '../../access/actor.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem, ResourceIdentifier } from '../content-item.js'
import type { FieldSelection } from '../query/field-selection.js'
import type { Prefetched } from './joined-includes.js'
import type { IncludeNode } from './parse-include.js'
import { loadVisibleItems } from './load-visible.js'
import { loadVisibleUsers, USER_TYPE, type PublicUser } from './users.js'

export type LoadedResource =
  | { kind: 'content', type: CompiledType, item: ContentItem }
  | { kind: 'user', user: PublicUser }

export interface IncludeResult {
  /** Distinct resources in discovery order, primary data excluded. */
  resources: LoadedResource[]
  /** Every identifier an include path pointed at, including those left out as hidden. */
  requested: ResourceIdentifier[]
}

interface Pending { resource: LoadedResource, node: IncludeNode }

/** Which members to load of a type's items (see field-selection.ts); all when absent. */
export type SelectionFor = (type: CompiledType) => FieldSelection

const keyOf = (type: string, id: string) => `${type}:${id}`

function references (resource: LoadedResource, name: string): ResourceIdentifier[] {
  if (resource.kind !== 'content') return []
  const { item, type } = resource
  if (name === 'uid') return item.uid ? [{ type: USER_TYPE, id: item.uid }] : []
  const field = type.fields.get(name)
  if (!field?.relationship) return []
  const value = item.values[name]
  if (value === null || value === undefined) return []
  return (field.multiple ? value : [value]) as ResourceIdentifier[]
}

/** `prefetched`: the visible targets of the first level, already read (joined-includes.ts). */
export async function loadIncludes (kernel: Kernel, actor: Actor, primary: LoadedResource[], tree: IncludeNode, selectionFor?: SelectionFor, prefetched?: Prefetched): Promise<IncludeResult> {
  const seen = new Map<string, LoadedResource>()
  for (const r of primary) seen.set(r.kind === 'content' ? keyOf(r.type.id, r.item.id) : keyOf(USER_TYPE, r.user.id), r)
  const result: IncludeResult = { resources: [], requested: [] }
  const requested = new Set<string>()
  let frontier: Pending[] = primary.map(resource => ({ resource, node: tree }))
  let known = prefetched
  while (frontier.length > 0) {
    // Which ids each target type must provide at this level, and which subtree each continues with.
    const wanted = new Map<string, Map<string, IncludeNode[]>>()
    for (const { resource, node } of frontier) {
      for (const [name, child] of node.children) {
        for (const ref of references(resource, name)) {
          if (!requested.has(keyOf(ref.type, ref.id))) {
            requested.add(keyOf(ref.type, ref.id))
            result.requested.push({ type: ref.type, id: ref.id })
          }
          let ids = wanted.get(ref.type)
          if (!ids) wanted.set(ref.type, ids = new Map())
          const nodes = ids.get(ref.id)
          if (nodes) nodes.push(child)
          else ids.set(ref.id, [child])
        }
      }
    }
    const next: Pending[] = []
    for (const [typeId, ids] of wanted) {
      const missing = [...ids.keys()].filter(id => !seen.has(keyOf(typeId, id)))
      const found = known?.get(typeId)
      const loaded = found ? fromPrefetched(kernel, typeId, missing, found) : await loadResources(kernel, actor, typeId, missing, selectionFor)
      for (const resource of loaded) {
        const id = resource.kind === 'content' ? resource.item.id : resource.user.id
        seen.set(keyOf(typeId, id), resource)
        result.resources.push(resource)
      }
      for (const [id, nodes] of ids) {
        const resource = seen.get(keyOf(typeId, id))
        if (resource) for (const node of nodes) if (node.children.size > 0) next.push({ resource, node })
      }
    }
    frontier = next
    known = undefined
  }
  return result
}

/** The visible resources among `refs`, in their order: one batched statement per target type. */
export async function loadReferenced (kernel: Kernel, actor: Actor, refs: readonly ResourceIdentifier[]): Promise<LoadedResource[]> {
  const byType = new Map<string, string[]>()
  for (const ref of refs) {
    const ids = byType.get(ref.type)
    if (ids) ids.push(ref.id)
    else byType.set(ref.type, [ref.id])
  }
  const found = new Map<string, LoadedResource>()
  for (const [typeId, ids] of byType) {
    for (const r of await loadResources(kernel, actor, typeId, ids)) found.set(keyOf(typeId, r.kind === 'content' ? r.item.id : r.user.id), r)
  }
  return refs.flatMap(ref => found.get(keyOf(ref.type, ref.id)) ?? [])
}

function fromPrefetched (kernel: Kernel, typeId: string, ids: readonly string[], found: ReadonlyMap<string, ContentItem>): LoadedResource[] {
  const type = kernel.contentTypes.require(typeId)
  return ids.flatMap(id => {
    const item = found.get(id)
    return item ? [{ kind: 'content' as const, type, item }] : []
  })
}

async function loadResources (kernel: Kernel, actor: Actor, typeId: string, ids: string[], selectionFor?: SelectionFor): Promise<LoadedResource[]> {
  if (ids.length === 0) return []
  if (typeId === USER_TYPE) return (await loadVisibleUsers(kernel.db.knex, actor, ids)).map(user => ({ kind: 'user' as const, user }))
  const type = kernel.contentTypes.get(typeId)
  if (!type) return []
  return (await loadVisibleItems(kernel, actor, type, ids, selectionFor?.(type))).map(item => ({ kind: 'content' as const, type, item }))
}
