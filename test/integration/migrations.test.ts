// The migrator: a re-run is a no-op, concurrent runners apply each migration exactly once (GET_LOCK on
// MySQL, an in-process queue on SQLite), and a runner that cannot get the lock in time fails cleanly.
import t, { type Test } from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import type { TestDatabase } from '../helpers/databases.js'
import { connectDatabase, type Database } from '../../core/db/connect.js'
import { LockTimeoutError, serverLockName } from '../../core/db/lock.js'
import { migrate, type MigrationSet } from '../../core/db/migrator.js'
import { ensureTable } from '../../core/db/schema-helpers.js'

interface Gate { opened: Promise<void>, open (): void, entered: Promise<void>, enter (): void }
function gate (): Gate {
  const g = {} as Gate
  g.opened = new Promise(resolve => { g.open = resolve })
  g.entered = new Promise(resolve => { g.enter = resolve })
  return g
}

/** Two migrations recording each real run in fx_runs; the first waits at `hold` when given. */
function fixtureSet (hold?: Gate): MigrationSet {
  return {
    owner: 'fx',
    migrations: [
      {
        name: '001-runs',
        async up ({ knex }) {
          hold?.enter()
          await hold?.opened
          await ensureTable(knex, 'fx_runs', t => { t.increments('id'); t.string('name', 50) })
          await knex('fx_runs').insert({ name: '001-runs' })
        }
      },
      { name: '002-more', async up ({ knex }) { await knex('fx_runs').insert({ name: '002-more' }) } }
    ]
  }
}

function open (t: Test, db: TestDatabase, poolMax = 4): Database {
  const conn = connectDatabase({ url: db.url, poolMax, acquireTimeoutMs: 2000 })
  t.teardown(() => conn.close())
  return conn
}

async function runs (conn: Database): Promise<string[]> {
  return await conn.knex('fx_runs').orderBy('id').pluck('name') as string[]
}

eachDatabase(t, 'a second migrate() is a no-op', async (t, db) => {
  const conn = open(t, db)
  t.same(await migrate(conn, [fixtureSet()]), ['fx:001-runs', 'fx:002-more'])
  t.same(await migrate(conn, [fixtureSet()]), [])
  t.same(await runs(conn), ['001-runs', '002-more'])
  t.equal((await conn.knex('cms_migrations').where('owner', 'fx').count({ n: '*' }) as Array<{ n: number | string }>)[0]?.n ?? 0, 2)
})

eachDatabase(t, 'two concurrent runners apply each migration exactly once', async (t, db) => {
  const one = open(t, db)
  const two = open(t, db)
  const hold = gate()
  const first = migrate(one, [fixtureSet(hold)])
  await hold.entered
  let secondDone = false
  const second = migrate(two, [fixtureSet()]).finally(() => { secondDone = true })
  await new Promise(resolve => setTimeout(resolve, 300))
  t.equal(secondDone, false, 'the second runner waits while the first holds the lock')
  if (db.dialect === 'mysql') {
    const [rows] = await two.knex.raw('SELECT IS_USED_LOCK(?) AS holder', [serverLockName(two, 'cms_migrate')]) as unknown as [Array<{ holder: number | null }>]
    t.not(rows[0]?.holder ?? null, null, 'GET_LOCK is held')
  }
  hold.open()
  const results = await Promise.all([first, second])
  t.same(results, [['fx:001-runs', 'fx:002-more'], []])
  t.same(await runs(one), ['001-runs', '002-more'], 'each up() ran once')
})

eachDatabase(t, 'a runner that cannot get the lock in time fails cleanly', async (t, db) => {
  const one = open(t, db)
  const two = open(t, db, 1)
  const hold = gate()
  const first = migrate(one, [fixtureSet(hold)])
  await hold.entered
  if (db.dialect === 'mysql') {
    const started = Date.now()
    await t.rejects(migrate(two, [fixtureSet()], 1), LockTimeoutError)
    t.ok(Date.now() - started >= 900, 'it waited for the timeout')
    t.same(await two.knex.raw('SELECT 1 AS one').then(() => 'usable'), 'usable', 'its connection went back to the pool (max 1)')
    t.equal(await two.knex.schema.hasTable('fx_runs'), false, 'it applied nothing')
    hold.open()
    t.same(await first, ['fx:001-runs', 'fx:002-more'], 'the lock holder finished')
    t.same(await migrate(two, [fixtureSet()], 1), [], 'a retry finds everything applied')
    const [rows] = await two.knex.raw('SELECT IS_USED_LOCK(?) AS holder', [serverLockName(two, 'cms_migrate')]) as unknown as [Array<{ holder: number | null }>]
    t.equal(rows[0]?.holder ?? null, null, 'nobody holds the lock any more')
  } else {
    // One process owns an SQLite file: the in-process queue waits rather than timing out.
    const second = migrate(two, [fixtureSet()], 0)
    hold.open()
    t.same(await Promise.all([first, second]), [['fx:001-runs', 'fx:002-more'], []])
  }
  t.same(await runs(one), ['001-runs', '002-more'])
})

eachDatabase(t, 'a failing migration releases the lock and is not recorded', async (t, db) => {
  const one = open(t, db)
  const two = open(t, db, 1)
  const failing: MigrationSet = { owner: 'fx', migrations: [{ name: '001-runs', async up () { throw new Error('boom') } }] }
  await t.rejects(migrate(one, [failing]), { message: 'Migration fx:001-runs failed: boom' })
  t.same(await migrate(two, [fixtureSet()], 1), ['fx:001-runs', 'fx:002-more'], 'another runner got the lock at once')
})

eachDatabase(t, 'runners waiting for the lock do not starve the pool', async (t, db) => {
  const conn = open(t, db, 1)
  const results = await Promise.all([1, 2, 3].map(() => migrate(conn, [fixtureSet()], 5)))
  t.same(results.flat(), ['fx:001-runs', 'fx:002-more'], 'applied once, by one of them')
  t.same(await runs(conn), ['001-runs', '002-more'])
})
