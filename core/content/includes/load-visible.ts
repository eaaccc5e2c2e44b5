// Batched reads of items by id with the caller's access row filter in the same statement: one
// statement for the rows plus one per multi-valued field, however many ids are asked for.
import type { Actor } from '../../access/actor.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import { applyRowFilter, visibleRows } from '../query/apply-row-filter.js'
import { hydrateRows } from '../repository/read-items.js'

/** Keeps statements well under every driver's placeholder limit; pages never come close. */
const CHUNK = 1000

/** The items among `ids` the caller may see, in the order of `ids`; hidden ones are left out. */
export async function loadVisibleItems (kernel: Kernel, actor: Actor, type: CompiledType, ids: readonly string[]): Promise<ContentItem[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const filter = visibleRows(kernel, actor, type.id)
  if (filter.kind === 'none') return []
  type Row = Record<string, unknown>
  const rows: Row[] = []
  for (let i = 0; i < unique.length; i += CHUNK) {
    const query = kernel.db.knex(`${type.table} as t0`).whereIn('t0.id', unique.slice(i, i + CHUNK)).select('t0.*')
    rows.push(...await applyRowFilter(query, filter, 't0') as Row[])
  }
  const byId = new Map(rows.map(r => [String(r.id), r]))
  const ordered = unique.flatMap((id): Row[] => { const row = byId.get(id); return row ? [row] : [] })
  return hydrateRows(kernel.db.knex, type, ordered)
}
