// Relationship targets must exist and be visible to the caller (otherwise a reference could probe
// for hidden items): one statement per target type, whatever the number of references.
import type { Actor } from '../../access/actor.js'
import type { Kernel } from '../../kernel/kernel.js'
import { validationError } from '../../errors/cms-error.js'
import { TABLES } from '../../access/tables.js'
import type { CompiledType } from '../compiled-type.js'
import type { ResourceIdentifier } from '../content-item.js'
import { applyRowFilter, visibleRows } from '../query/apply-row-filter.js'

/** `owner`: a uid the document sets (administrators may); it must name an existing user too. */
export async function assertReferencesExist (
  kernel: Kernel, type: CompiledType, values: Record<string, unknown>, actor: Actor, owner?: string | null
): Promise<void> {
  const types = kernel.contentTypes
  const wanted = new Map<string, Set<string>>()
  for (const field of type.relationships) {
    const value = values[field.name]
    if (value === undefined || value === null) continue
    for (const ref of (field.multiple ? value : [value]) as ResourceIdentifier[]) {
      wanted.set(ref.type, (wanted.get(ref.type) ?? new Set()).add(ref.id))
    }
  }
  const found = new Set<string>()
  // Users: references to them and the owner. Files are checked once the media module provides them.
  const users = new Set(wanted.get('user') ?? [])
  if (typeof owner === 'string') users.add(owner)
  if (users.size > 0) {
    const rows = await kernel.db.knex(TABLES.users).whereIn('id', [...users]).select('id') as Array<{ id: string }>
    for (const row of rows) found.add(`user:${row.id}`)
  }
  for (const [targetId, ids] of wanted) {
    const target = types.get(targetId)
    if (!target) continue
    const rows = await applyRowFilter(kernel.db.knex(target.table).whereIn('id', [...ids]), visibleRows(kernel, actor, targetId)).select('id') as Array<{ id: string }>
    for (const row of rows) found.add(`${targetId}:${row.id}`)
  }
  const violations = type.relationships.flatMap(field => {
    const value = values[field.name]
    if (value === undefined || value === null) return []
    const refs = (field.multiple ? value : [value]) as ResourceIdentifier[]
    return refs.flatMap((ref, i) => (!types.get(ref.type) && ref.type !== 'user') || found.has(`${ref.type}:${ref.id}`)
      ? []
      : [{ pointer: `/data/relationships/${field.name}/data${field.multiple ? `/${i}` : ''}`, detail: `${ref.type} ${ref.id} does not exist` }])
  })
  if (typeof owner === 'string' && !found.has(`user:${owner}`)) {
    violations.push({ pointer: '/data/relationships/uid/data', detail: `user ${owner} does not exist` })
  }
  if (violations.length > 0) throw validationError(violations)
}
