// The databases every integration test runs against: SQLite always, MySQL/MariaDB when
// CMS_TEST_MYSQL_URL is set. With CI=true a missing MySQL URL is a failure, never a skip.
// Each test gets its own fresh database (a temp SQLite file, or a new MySQL schema).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import knexFactory from 'knex'

export interface TestDatabase {
  dialect: 'sqlite' | 'mysql'
  url: string
  /** A scratch folder for data/ (secrets, files). */
  dataDir: string
  drop (): Promise<void>
}

export interface DatabaseTarget {
  name: 'sqlite' | 'mysql'
  create (): Promise<TestDatabase>
}

export function mysqlBaseUrl (): string | undefined {
  const url = process.env.CMS_TEST_MYSQL_URL
  if (url) return url
  if (process.env.CI === 'true') throw new Error('CI=true but CMS_TEST_MYSQL_URL is not set: MySQL tests must run in CI')
  return undefined
}

function scratch (): string {
  return mkdtempSync(join(tmpdir(), 'cms-test-'))
}

const sqliteTarget: DatabaseTarget = {
  name: 'sqlite',
  async create () {
    const dataDir = scratch()
    return { dialect: 'sqlite', url: `sqlite:${join(dataDir, 'cms.sqlite')}`, dataDir, drop: async () => { rmSync(dataDir, { recursive: true, force: true }) } }
  }
}

function mysqlTarget (base: string): DatabaseTarget {
  return {
    name: 'mysql',
    async create () {
      const url = new URL(base)
      const prefix = (url.pathname.slice(1) || 'cms_test').replace(/[^a-z0-9_]/gi, '_').slice(0, 40)
      const name = `${prefix}_${randomBytes(5).toString('hex')}`
      url.pathname = '/'
      const admin = knexFactory({ client: 'mysql2', connection: url.toString(), pool: { min: 0, max: 1 } })
      try {
        await admin.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`)
      } finally {
        await admin.destroy()
      }
      url.pathname = '/' + name
      const dataDir = scratch()
      return {
        dialect: 'mysql',
        url: url.toString(),
        dataDir,
        drop: async () => {
          rmSync(dataDir, { recursive: true, force: true })
          const server = new URL(url)
          server.pathname = '/'
          const dropper = knexFactory({ client: 'mysql2', connection: server.toString(), pool: { min: 0, max: 1 } })
          try {
            await dropper.raw(`DROP DATABASE IF EXISTS \`${name}\``)
          } finally {
            await dropper.destroy()
          }
        }
      }
    }
  }
}

/** The targets for this run; throws under CI=true when MySQL is not configured. */
export function databaseTargets (): DatabaseTarget[] {
  const base = mysqlBaseUrl()
  return base ? [sqliteTarget, mysqlTarget(base)] : [sqliteTarget]
}
