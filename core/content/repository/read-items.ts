// Reads items: one statement for the rows, one per multi-valued field for all rows at once
// (WHERE id IN …) — never one per item. Each statement is compiled once per shape.
import type { Knex } from 'knex'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import type { FieldSelection } from '../query/field-selection.js'
import { pureMemo } from '../query/shape-memo.js'
import { groupSideRows, rowToItem } from './row-mapping.js'
import { idsStatement, selectRows, type Row } from './statements.js'

/** Attaches multi-valued fields to item-table rows (the selected ones only); keeps the rows' order. */
export async function hydrateRows (knex: Knex, type: CompiledType, rows: Row[], selection?: FieldSelection): Promise<ContentItem[]> {
  if (rows.length === 0) return []
  const ids = rows.map(r => String(r.id))
  const multi = new Map<string, Record<string, unknown[]>>(ids.map(id => [id, {}]))
  for (const field of type.fields.values()) {
    if (!field.sideTable || (selection && !selection.has(field.name))) continue
    const table = field.sideTable
    const statement = idsStatement(pureMemo(knex, 'side-rows'), `${table} ${ids.length}`, ids, () => knex(table).whereIn('id', ids).orderBy(['id', 'delta']))
    const sideRows = await selectRows(knex, statement)
    for (const [id, values] of groupSideRows(field, sideRows)) (multi.get(id) as Record<string, unknown[]>)[field.name] = values
  }
  return rows.map(row => rowToItem(type, row, multi.get(String(row.id)) ?? {}, (row.rev as number | null) ?? null, selection))
}

export async function loadItems (knex: Knex, type: CompiledType, ids: readonly string[]): Promise<ContentItem[]> {
  if (ids.length === 0) return []
  const statement = idsStatement(pureMemo(knex, 'item-rows'), `${type.table} ${ids.length}`, ids, () => knex(type.table).whereIn('id', [...ids]))
  const rows = await selectRows(knex, statement)
  const byId = new Map(rows.map(r => [String(r.id), r]))
  const ordered = ids.map(id => byId.get(id)).filter((r): r is Row => r !== undefined)
  return hydrateRows(knex, type, ordered)
}

export async function loadItem (knex: Knex, type: CompiledType, id: string): Promise<ContentItem | undefined> {
  return (await loadItems(knex, type, [id]))[0]
}
