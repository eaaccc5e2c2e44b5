// Access as a row filter: which items of a type the actor may list, as a condition the query
// compiler ANDs into the SQL (lists, includes, relationship traversal in filters, counts).
// Modules narrow it with row rules (ctx.access.rowRule): rows matching a rule's `deny` are hidden
// from lists exactly as the content.access hook's 'forbid' hides a single item.
import { hasPermission, type Actor } from './actor.js'
import { ACCESS_CONTENT, BYPASS_CONTENT_ACCESS, typePermissions } from './content-permissions.js'

/** Hide rows whose column holds one of these values (NULL never matches). */
export interface RowDeny { column: string, values: ReadonlyArray<string | number | boolean> }

/** A module's list-level access answer for one type: deny conditions, or nothing. */
export type RowRule = (actor: Actor, typeId: string) => readonly RowDeny[] | undefined

export type RowFilter =
  | { kind: 'none' }
  | { kind: 'all', deny: readonly RowDeny[] }
  /** published: status = 1; ownerId: uid = ownerId; the two are ORed, then deny applies. */
  | { kind: 'some', published: boolean, ownerId: string | null, deny: readonly RowDeny[] }

export function rowFilter (actor: Actor, typeId: string, rules: readonly RowRule[] = []): RowFilter {
  const p = typePermissions(typeId)
  // Bypass ignores module rules, as it ignores the content.access hook.
  if (hasPermission(actor, BYPASS_CONTENT_ACCESS)) return { kind: 'all', deny: [] }
  const deny = rules.flatMap(rule => rule(actor, typeId) ?? []).filter(d => d.values.length > 0)
  if (hasPermission(actor, p.viewUnpublished)) return { kind: 'all', deny }
  const published = hasPermission(actor, ACCESS_CONTENT)
  const ownerId = actor.userId !== null && hasPermission(actor, p.editOwn) ? actor.userId : null
  if (!published && ownerId === null) return { kind: 'none' }
  return { kind: 'some', published, ownerId, deny }
}
