// Writes an item inside the caller's transaction: the item row (the default revision), its
// side tables and, for revisionable types, a revision row holding the full snapshot. The two
// row INSERTs of every save run as raw SQL compiled once per table and column set: knex's
// builder recompiled the same statement on every write.
import type { Knex } from 'knex'
import type { Dialect } from '../../db/connect.js'
import { nowDb } from '../../db/dates.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import { multiValues, sideRows, snapshotColumns } from './row-mapping.js'

export interface RevisionMeta { uid: string | null, log: string | null }

type Row = Record<string, unknown>

const insertSql = new Map<string, string>()

/** INSERT of one row; `returning` (SQLite) names a column to answer. Columns in sorted order, as knex writes them. */
function insertRow (trx: Knex.Transaction, dialect: Dialect, table: string, row: Row, returning?: string): Knex.Raw {
  const columns = Object.keys(row).sort()
  // One process may serve (or test) both dialects: their SQL may differ.
  const key = `${dialect} ${table} ${returning ?? ''} ${columns.join(',')}`
  let sql = insertSql.get(key)
  if (sql === undefined) {
    const query = trx(table).insert(Object.fromEntries(columns.map(c => [c, null])))
    insertSql.set(key, sql = (returning ? query.returning(returning) : query).toSQL().sql)
  }
  return trx.raw(sql, columns.map(c => row[c] as Knex.Value))
}

/** Appends a revision row and returns its number; `snapshot`: the item's snapshotColumns, when the caller has them. */
export async function insertRevision (trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem, meta: RevisionMeta, snapshot = snapshotColumns(type, item, dialect)): Promise<number> {
  const row = {
    ...snapshot,
    id: item.id,
    rev_uid: meta.uid,
    rev_created: nowDb(),
    rev_log: meta.log,
    multi: JSON.stringify(multiValues(type, item))
  }
  // MySQL answers the auto-increment id; SQLite needs RETURNING for it.
  if (dialect === 'sqlite') {
    const [returned] = await insertRow(trx, dialect, type.revisionTable, row, 'rev') as unknown as Array<{ rev: number }>
    return Number(returned?.rev)
  }
  const [result] = await insertRow(trx, dialect, type.revisionTable, row) as unknown as [{ insertId: number }]
  return Number(result.insertId)
}

async function writeSideTables (trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem, replace: boolean): Promise<void> {
  for (const field of type.fields.values()) {
    if (!field.sideTable) continue
    if (replace) await trx(field.sideTable).where('id', item.id).delete()
    const rows = sideRows(field, item, dialect)
    if (rows.length > 0) await trx(field.sideTable).insert(rows)
  }
}

export async function insertItem (trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem, snapshot = snapshotColumns(type, item, dialect)): Promise<void> {
  await insertRow(trx, dialect, type.table, {
    ...snapshot, id: item.id, rev: item.defaultRev, latest_rev: item.latestRev, version: item.version
  })
  await writeSideTables(trx, dialect, type, item, false)
}

/**
 * Updates the stored item. As the default revision, every column and side table changes; as a
 * pending (non-default) revision only the bookkeeping columns move, so readers keep the default.
 * Only while the stored version is still `expectedVersion` (the one the caller read): returns
 * false, writing nothing, when another writer got there first.
 */
export async function updateItem (
  trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem, asDefault: boolean, expectedVersion: number, snapshot = snapshotColumns(type, item, dialect)
): Promise<boolean> {
  const bookkeeping = { rev: item.defaultRev, latest_rev: item.latestRev, version: item.version }
  const row = asDefault ? { ...snapshot, ...bookkeeping } : bookkeeping
  const updated = await trx(type.table).where({ id: item.id, version: expectedVersion }).update(row)
  if (Number(updated) !== 1) return false
  if (asDefault) await writeSideTables(trx, dialect, type, item, true)
  return true
}

/** Deletes the item, its side-table rows and revisions while its version is still `expectedVersion`; false otherwise. */
export async function deleteItem (trx: Knex.Transaction, type: CompiledType, id: string, expectedVersion: number): Promise<boolean> {
  const deleted = await trx(type.table).where({ id, version: expectedVersion }).delete()
  if (Number(deleted) !== 1) return false
  for (const field of type.fields.values()) if (field.sideTable) await trx(field.sideTable).where('id', id).delete()
  await trx(type.revisionTable).where('id', id).delete()
  return true
}
