// Access as a row filter: which items of a type the actor may list, as a condition the query
// compiler ANDs into the SQL (lists, includes, relationship traversal in filters, counts).
import { hasPermission, type Actor } from './actor.js'
import { ACCESS_CONTENT, BYPASS_CONTENT_ACCESS, typePermissions } from './content-permissions.js'

export type RowFilter =
  | { kind: 'all' }
  | { kind: 'none' }
  /** published: status = 1; ownerId: uid = ownerId; the two are ORed. */
  | { kind: 'some', published: boolean, ownerId: string | null }

export function rowFilter (actor: Actor, typeId: string): RowFilter {
  const p = typePermissions(typeId)
  if (hasPermission(actor, BYPASS_CONTENT_ACCESS) || hasPermission(actor, p.viewUnpublished)) return { kind: 'all' }
  const published = hasPermission(actor, ACCESS_CONTENT)
  const ownerId = actor.userId !== null && hasPermission(actor, p.editOwn) ? actor.userId : null
  if (!published && ownerId === null) return { kind: 'none' }
  return { kind: 'some', published, ownerId }
}
