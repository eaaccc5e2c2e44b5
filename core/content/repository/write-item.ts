// Writes an item inside the caller's transaction: the item row (the default revision), its
// side tables and, for revisionable types, a revision row holding the full snapshot.
import type { Knex } from 'knex'
import type { Dialect } from '../../db/connect.js'
import { nowDb } from '../../db/dates.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import { multiValues, sideRows, snapshotColumns } from './row-mapping.js'

export interface RevisionMeta { uid: string | null, log: string | null }

/** Appends a revision row and returns its number. */
export async function insertRevision (trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem, meta: RevisionMeta): Promise<number> {
  const row = {
    ...snapshotColumns(type, item, dialect),
    id: item.id,
    rev_uid: meta.uid,
    rev_created: nowDb(),
    rev_log: meta.log,
    multi: JSON.stringify(multiValues(type, item))
  }
  // MySQL answers the auto-increment id; SQLite needs RETURNING for it.
  const query = trx(type.revisionTable).insert(row)
  const [rev] = await (dialect === 'sqlite' ? query.returning('rev') : query) as Array<number | { rev: number }>
  return typeof rev === 'object' ? rev.rev : Number(rev)
}

async function writeSideTables (trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem, replace: boolean): Promise<void> {
  for (const field of type.fields.values()) {
    if (!field.sideTable) continue
    if (replace) await trx(field.sideTable).where('id', item.id).delete()
    const rows = sideRows(field, item, dialect)
    if (rows.length > 0) await trx(field.sideTable).insert(rows)
  }
}

export async function insertItem (trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem): Promise<void> {
  await trx(type.table).insert({
    ...snapshotColumns(type, item, dialect), id: item.id, rev: item.defaultRev, latest_rev: item.latestRev, version: item.version
  })
  await writeSideTables(trx, dialect, type, item, false)
}

/**
 * Updates the stored item. As the default revision, every column and side table changes; as a
 * pending (non-default) revision only the bookkeeping columns move, so readers keep the default.
 * Only while the stored version is still `expectedVersion` (the one the caller read): returns
 * false, writing nothing, when another writer got there first.
 */
export async function updateItem (trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem, asDefault: boolean, expectedVersion: number): Promise<boolean> {
  const bookkeeping = { rev: item.defaultRev, latest_rev: item.latestRev, version: item.version }
  const row = asDefault ? { ...snapshotColumns(type, item, dialect), ...bookkeeping } : bookkeeping
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
