// Reads items: one statement for the rows, one per multi-valued field for all rows at once
// (WHERE id IN …) — never one per item.
import type { Knex } from 'knex'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import { groupSideRows, rowToItem } from './row-mapping.js'

type Row = Record<string, unknown>

/** Attaches multi-valued fields to item-table rows; keeps the rows' order. */
export async function hydrateRows (knex: Knex, type: CompiledType, rows: Row[]): Promise<ContentItem[]> {
  if (rows.length === 0) return []
  const ids = rows.map(r => String(r.id))
  const multi = new Map<string, Record<string, unknown[]>>(ids.map(id => [id, {}]))
  for (const field of type.fields.values()) {
    if (!field.sideTable) continue
    const sideRows = await knex(field.sideTable).whereIn('id', ids).orderBy(['id', 'delta']) as Row[]
    for (const [id, values] of groupSideRows(field, sideRows)) (multi.get(id) as Record<string, unknown[]>)[field.name] = values
  }
  return rows.map(row => rowToItem(type, row, multi.get(String(row.id)) ?? {}, (row.rev as number | null) ?? null))
}

export async function loadItems (knex: Knex, type: CompiledType, ids: readonly string[]): Promise<ContentItem[]> {
  if (ids.length === 0) return []
  const rows = await knex(type.table).whereIn('id', [...ids]) as Row[]
  const byId = new Map(rows.map(r => [String(r.id), r]))
  const ordered = ids.map(id => byId.get(id)).filter((r): r is Row => r !== undefined)
  return hydrateRows(knex, type, ordered)
}

export async function loadItem (knex: Knex, type: CompiledType, id: string): Promise<ContentItem | undefined> {
  return (await loadItems(knex, type, [id]))[0]
}
