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
  const [rev] = await trx(type.revisionTable).insert(row, ['rev']) as Array<number | { rev: number }>
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
 */
export async function updateItem (trx: Knex.Transaction, dialect: Dialect, type: CompiledType, item: ContentItem, asDefault: boolean): Promise<void> {
  const bookkeeping = { rev: item.defaultRev, latest_rev: item.latestRev, version: item.version }
  if (!asDefault) {
    await trx(type.table).where('id', item.id).update(bookkeeping)
    return
  }
  await trx(type.table).where('id', item.id).update({ ...snapshotColumns(type, item, dialect), ...bookkeeping })
  await writeSideTables(trx, dialect, type, item, true)
}

export async function deleteItem (trx: Knex.Transaction, type: CompiledType, id: string): Promise<void> {
  for (const field of type.fields.values()) if (field.sideTable) await trx(field.sideTable).where('id', id).delete()
  await trx(type.revisionTable).where('id', id).delete()
  await trx(type.table).where('id', id).delete()
}
