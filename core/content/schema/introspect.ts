// Schema introspection knex lacks: whether an index exists (so DDL steps stay idempotent).
import type { Knex } from 'knex'
import type { Dialect } from '../../db/connect.js'

export async function hasIndex (knex: Knex, dialect: Dialect, table: string, name: string): Promise<boolean> {
  if (dialect === 'mysql') {
    const [rows] = await knex.raw('SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? LIMIT 1', [table, name]) as unknown as [unknown[]]
    return rows.length > 0
  }
  const rows = await knex.raw("SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?", [table, name]) as unknown[]
  return rows.length > 0
}
