// Batched reads of items by id with the caller's access row filter in the same statement: one
// statement for the rows plus one per selected multi-valued field, however many ids are asked
// for. The statement is compiled once per shape (table, columns, id count, row filter).
import type { Actor } from '../../access/actor.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import { applyRowFilter, visibleRows } from '../query/apply-row-filter.js'
import { selectedColumns, type FieldSelection } from '../query/field-selection.js'
import { pureMemo } from '../query/shape-memo.js'
import { hydrateRows } from '../repository/read-items.js'
import { idsStatement, selectRows, type Row } from '../repository/statements.js'

/** Keeps statements well under every driver's placeholder limit; pages never come close. */
const CHUNK = 1000

/** The items among `ids` the caller may see, in the order of `ids`; hidden ones are left out. */
export async function loadVisibleItems (kernel: Kernel, actor: Actor, type: CompiledType, ids: readonly string[], selection?: FieldSelection): Promise<ContentItem[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const filter = visibleRows(kernel, actor, type.id)
  if (filter.kind === 'none') return []
  const { knex } = kernel.db
  const columns = selectedColumns(type, selection)
  // The SQL is a function of exactly these: the key names them all.
  const shape = `${type.table} ${columns?.join(',') ?? '*'} ${JSON.stringify(filter)}`
  const rows: Row[] = []
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK)
    const statement = idsStatement(pureMemo(knex, 'visible-items'), `${shape} ${chunk.length}`, chunk, () => {
      const query = knex(`${type.table} as t0`).whereIn('t0.id', chunk).select(columns ? columns.map(c => `t0.${c}`) : 't0.*')
      return applyRowFilter(query, filter, 't0')
    })
    rows.push(...await selectRows(knex, statement))
  }
  const byId = new Map(rows.map(r => [String(r.id), r]))
  const ordered = unique.flatMap((id): Row[] => { const row = byId.get(id); return row ? [row] : [] })
  return hydrateRows(knex, type, ordered, selection)
}
