// Module migrations: each runs once, in dependency order, recorded in cms_migrations; a second boot is a no-op.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestKernel } from '../helpers/boot.js'
import { migratingModule } from '../fixtures/modules/migrating.js'
import type { Kernel } from '../../core/kernel/kernel.js'

/** Module migrations in the order applied; core's (whatever they are) must all come first. */
async function ledger (kernel: Kernel): Promise<string[]> {
  const rows = await kernel.db.knex('cms_migrations').select('owner', 'name').orderBy('id') as Array<{ owner: string, name: string }>
  const firstModule = rows.findIndex(r => r.owner !== 'core')
  if (rows.slice(firstModule).some(r => r.owner === 'core')) throw new Error('a core migration ran after a module migration')
  return rows.filter(r => r.owner !== 'core').map(r => `${r.owner}:${r.name}`)
}

eachDatabase(t, 'module migrations run once each, in dependency order', async (t, db) => {
  const calls: string[] = []
  const sources = {
    pages: migratingModule('pages', calls, ['media', 'users']),
    media: migratingModule('media', calls, ['users']),
    users: migratingModule('users', calls)
  }
  const site = { modules: ['pages', 'media', 'users'] }
  const first = await bootTestKernel(t, db, { site, moduleSources: sources })
  const expected = [
    'users:001-table', 'users:002-seed', 'media:001-table', 'media:002-seed', 'pages:001-table', 'pages:002-seed'
  ]
  t.same(calls, expected, 'up() ran in dependency order')
  t.same(await ledger(first), expected, 'recorded after core, each module in order')
  const notes = await first.db.knex('fx_users').orderBy('id').pluck('note') as string[]
  t.same(notes, ['seeded by users', 'from media', 'from pages'], 'dependents saw their dependencies migrated')
  await first.close()

  calls.length = 0
  const second = await bootTestKernel(t, db, { site, moduleSources: sources })
  t.same(calls, [], 'a second boot runs nothing')
  t.same(await ledger(second), expected, 'and records nothing new')
  t.equal((await second.db.knex('fx_users').count({ n: '*' }) as Array<{ n: number | string }>)[0]?.n ?? 0, 3, 'seeds were not repeated')
})

eachDatabase(t, 'a module enabled later gets only its own migrations', async (t, db) => {
  const calls: string[] = []
  const sources = { users: migratingModule('users', calls), media: migratingModule('media', calls, ['users']) }
  const first = await bootTestKernel(t, db, { site: { modules: ['users'] }, moduleSources: sources })
  await first.close()
  calls.length = 0
  const second = await bootTestKernel(t, db, { site: { modules: ['users', 'media'] }, moduleSources: sources })
  t.same(calls, ['media:001-table', 'media:002-seed'])
  t.same((await ledger(second)).slice(-2), ['media:001-table', 'media:002-seed'])
})

eachDatabase(t, 'migration records carry the time they were applied', async (t, db) => {
  const before = Date.now()
  const kernel = await bootTestKernel(t, db, { site: { modules: ['users'] }, moduleSources: { users: migratingModule('users', []) } })
  const rows = await kernel.db.knex('cms_migrations').select('applied_at') as Array<{ applied_at: string }>
  t.ok(rows.length >= 3)
  for (const row of rows) {
    const at = Date.parse(String(row.applied_at).replace(' ', 'T') + 'Z')
    t.ok(at >= before - 1000 && at <= Date.now() + 1000, `applied_at ${row.applied_at} is now, in UTC`)
  }
})
