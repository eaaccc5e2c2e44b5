// Runs an already compiled SELECT on a pooled MySQL connection with the call knex itself makes
// (mysql2 text protocol, bindings escaped by the driver, the same rows), without knex's per-query
// runner, raw-SQL re-parsing and events; the statement is counted as knex's query event would.
// Transactions and SQLite go through knex.raw.
import type { Knex } from 'knex'
import { countStatement } from './statement-counter.js'

export type Row = Record<string, unknown>

interface MysqlConnection {
  query (options: { sql: string }, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void
}

interface PoolClient {
  dialect?: string
  acquireConnection (): Promise<MysqlConnection>
  releaseConnection (connection: MysqlConnection): Promise<void>
}

export async function directSelect (knex: Knex, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const client = knex.client as PoolClient
  if (client.dialect !== 'mysql' || knex.isTransaction === true) {
    const result = await knex.raw(sql, [...bindings] as Knex.RawBinding[]) as unknown
    // knex.raw answers with the driver's own result: [rows, fields] from mysql2, rows from SQLite.
    return (client.dialect === 'mysql' ? (result as [Row[]])[0] : result) as Row[]
  }
  const connection = await client.acquireConnection()
  try {
    countStatement()
    return await new Promise<Row[]>((resolve, reject) => {
      connection.query({ sql }, [...bindings], (error, rows) => { if (error) reject(error); else resolve(rows as Row[]) })
    })
  } finally {
    await client.releaseConnection(connection)
  }
}
