// Runs migrations once each, recorded per owner (core or a module), under a lock so that two
// processes starting together never run the same step twice.
import type { Knex } from 'knex'
import type { Database, Dialect } from './connect.js'
import { withLock } from './lock.js'
import { nowDb } from './dates.js'
import { ensureTable } from './schema-helpers.js'

export interface MigrationContext { knex: Knex, dialect: Dialect }

export interface Migration {
  /** Unique within its owner; applied in array order. */
  name: string
  /** Must be idempotent: DDL is not transactional on MySQL, so a crash can leave it half done. */
  up (ctx: MigrationContext): Promise<void>
}

export interface MigrationSet { owner: string, migrations: readonly Migration[] }

const TABLE = 'cms_migrations'

async function ensureLedger (knex: Knex): Promise<void> {
  await ensureTable(knex, TABLE, t => {
    t.increments('id')
    t.string('owner', 64).notNullable()
    t.string('name', 191).notNullable()
    t.datetime('applied_at', { precision: 3 }).notNullable()
    t.unique(['owner', 'name'])
  })
}

export async function appliedMigrations (knex: Knex): Promise<Set<string>> {
  if (!(await knex.schema.hasTable(TABLE))) return new Set()
  const rows = await knex(TABLE).select('owner', 'name') as Array<{ owner: string, name: string }>
  return new Set(rows.map(r => `${r.owner}:${r.name}`))
}

/**
 * Migrations known to be applied, per database handle: the ledger only grows, so a boot whose
 * migrations are all recorded needs neither the lock nor another read (boot migrates three times).
 */
const known = new WeakMap<Database, Set<string>>()

async function allApplied (db: Database, sets: readonly MigrationSet[]): Promise<boolean> {
  const pending = (done: Set<string>): boolean => sets.some(set => set.migrations.some(m => !done.has(`${set.owner}:${m.name}`)))
  let done = known.get(db)
  if (!done || pending(done)) {
    done = await appliedMigrations(db.knex)
    known.set(db, done)
  }
  return !pending(done)
}

/** Applies every pending migration of the sets, in order; returns the names it applied. */
export async function migrate (db: Database, sets: readonly MigrationSet[], lockTimeoutSeconds = 30): Promise<string[]> {
  // Checked again under the lock: another process may be applying the same steps right now.
  if (await allApplied(db, sets)) return []
  return withLock(db, 'cms_migrate', lockTimeoutSeconds, async () => {
    await ensureLedger(db.knex)
    const done = await appliedMigrations(db.knex)
    const applied: string[] = []
    for (const set of sets) {
      for (const migration of set.migrations) {
        const key = `${set.owner}:${migration.name}`
        if (done.has(key)) continue
        try {
          await migration.up({ knex: db.knex, dialect: db.dialect })
        } catch (error) {
          throw new Error(`Migration ${key} failed: ${(error as Error).message}`, { cause: error })
        }
        await db.knex(TABLE).insert({ owner: set.owner, name: migration.name, applied_at: nowDb() })
        done.add(key)
        applied.push(key)
      }
    }
    known.set(db, done)
    return applied
  })
}
