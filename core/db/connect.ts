// Opens the database: better-sqlite3 for sqlite: URLs (the default), mysql2 for mysql:// URLs,
// with utf8mb4, strict sql_mode and UTC on every pooled MySQL connection.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import knexFactory, { type Knex } from 'knex'
import { countStatement } from './statement-counter.js'

export type Dialect = 'sqlite' | 'mysql'

export interface Database {
  knex: Knex
  dialect: Dialect
  close (): Promise<void>
}

export interface DatabaseOptions {
  url: string
  poolMin?: number
  poolMax?: number
  acquireTimeoutMs?: number
  connectTimeoutMs?: number
}

const STRICT_MODE = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'
export const MYSQL_COLLATION = 'utf8mb4_unicode_520_ci'

type Callback = (error: Error | null, connection?: unknown) => void
interface RawConnection { query (sql: string, cb: (error: Error | null) => void): void }
interface SqliteConnection { pragma (sql: string): unknown }

function mysqlConfig (url: URL, options: DatabaseOptions): Knex.Config {
  return {
    client: 'mysql2',
    connection: {
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: decodeURIComponent(url.pathname.slice(1)),
      charset: 'utf8mb4_unicode_520_ci',
      timezone: 'Z',
      dateStrings: true,
      supportBigNumbers: true,
      connectTimeout: options.connectTimeoutMs ?? 5000
    },
    pool: {
      min: options.poolMin ?? 0,
      max: options.poolMax ?? 10,
      afterCreate (connection: RawConnection, done: Callback) {
        connection.query(`SET SESSION sql_mode = '${STRICT_MODE}', time_zone = '+00:00', NAMES utf8mb4 COLLATE ${MYSQL_COLLATION}`, error => { done(error, connection) })
      }
    },
    acquireConnectionTimeout: options.acquireTimeoutMs ?? 5000
  }
}

function sqliteConfig (file: string, options: DatabaseOptions): Knex.Config {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  return {
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    // better-sqlite3 is synchronous: one connection serialises writers without SQLITE_BUSY.
    pool: {
      min: 1,
      max: 1,
      afterCreate (connection: SqliteConnection, done: Callback) {
        try {
          connection.pragma('journal_mode = WAL')
          connection.pragma('foreign_keys = ON')
          connection.pragma('busy_timeout = 5000')
          done(null, connection)
        } catch (error) {
          done(error as Error, connection)
        }
      }
    },
    acquireConnectionTimeout: options.acquireTimeoutMs ?? 5000
  }
}

export function connectDatabase (options: DatabaseOptions): Database {
  const dialect: Dialect = options.url.startsWith('mysql://') ? 'mysql' : 'sqlite'
  const config = dialect === 'mysql'
    ? mysqlConfig(new URL(options.url), options)
    : sqliteConfig(options.url.replace(/^sqlite:/, ''), options)
  const knex = knexFactory(config)
  knex.on('query', countStatement)
  return { knex, dialect, close: () => knex.destroy() }
}
