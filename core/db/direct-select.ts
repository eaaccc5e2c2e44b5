// Runs an already compiled SELECT on a pooled connection with the call knex itself makes (mysql2
// text protocol with bindings escaped by the driver; better-sqlite3 .all with knex's binding
// formatting), without knex's per-query runner, raw-SQL re-parsing and events. SQLite statements
// stay prepared per connection. Counted as knex's query event would; transactions use knex.raw.
import type { Knex } from 'knex'
import { countStatement } from './statement-counter.js'

export type Row = Record<string, unknown>

interface MysqlConnection {
  query (options: { sql: string }, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void
}

interface SqliteStatement { all (values: unknown[]): unknown[] }
interface SqliteConnection { prepare (sql: string): SqliteStatement }

interface PoolClient {
  driverName?: string
  acquireConnection (): Promise<unknown>
  releaseConnection (connection: unknown): Promise<void>
}

/** Prepared statements kept per SQLite connection (bounded: shapes are few, URLs are not). */
const MAX_PREPARED = 500
const prepared = new WeakMap<object, Map<string, SqliteStatement>>()

function sqliteSelect (connection: SqliteConnection, sql: string, bindings: readonly unknown[]): Row[] {
  let statements = prepared.get(connection)
  if (!statements) prepared.set(connection, statements = new Map())
  let statement = statements.get(sql)
  if (!statement) {
    statement = connection.prepare(sql)
    statements.set(sql, statement)
    if (statements.size > MAX_PREPARED) statements.delete(statements.keys().next().value as string)
  }
  // knex's better-sqlite3 binding formatting: booleans as 0/1, dates as epoch milliseconds.
  return statement.all(bindings.map(b => typeof b === 'boolean' ? Number(b) : b instanceof Date ? b.valueOf() : b)) as Row[]
}

export async function directSelect (knex: Knex, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const client = knex.client as PoolClient
  const driver = client.driverName
  if ((driver !== 'mysql2' && driver !== 'better-sqlite3') || knex.isTransaction === true) {
    const result = await knex.raw(sql, [...bindings] as Knex.RawBinding[]) as unknown
    // knex.raw answers with the driver's own result: [rows, fields] from mysql2, rows from SQLite.
    return (driver === 'mysql2' ? (result as [Row[]])[0] : result) as Row[]
  }
  const connection = await client.acquireConnection()
  try {
    countStatement()
    if (driver === 'better-sqlite3') return sqliteSelect(connection as SqliteConnection, sql, bindings)
    return await new Promise<Row[]>((resolve, reject) => {
      (connection as MysqlConnection).query({ sql }, [...bindings], (error, rows) => { if (error) reject(error); else resolve(rows as Row[]) })
    })
  } finally {
    await client.releaseConnection(connection)
  }
}
