// Boot's fast paths: an unchanged content type skips its schema sync (the stored snapshot is
// trusted), a changed one is synced; recorded migrations need neither the ledger nor the lock.
import t from 'tap'
import { defineModule, type FieldDefinition, type ModuleDefinition } from '../../core/index.js'
import { connectDatabase } from '../../core/db/connect.js'
import { withLock } from '../../core/db/lock.js'
import { migrate, type MigrationSet } from '../../core/db/migrator.js'
import { hasIndex } from '../../core/content/schema/introspect.js'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestKernel } from '../helpers/boot.js'

function notesModule (version: string, fields: FieldDefinition[]): Record<string, ModuleDefinition> {
  return {
    notes: defineModule({
      name: 'notes',
      version,
      core: '^0.1.0',
      register (ctx) { ctx.contentTypes.define({ id: 'note', label: 'Note', fields }) }
    })
  }
}

const site = { modules: ['notes'] }

eachDatabase(t, 'boot syncs a content type only when its definition changed', async (t, db) => {
  const first = await bootTestKernel(t, db, { site, moduleSources: notesModule('1.0.0', [{ name: 'title', type: 'string' }, { name: 'body', type: 'text' }]) })
  const { knex } = first.db
  t.ok(await knex.schema.hasColumn('ct_note', 'body'), 'the first boot creates the tables')
  const before = await knex('cms_content_types').where('id', 'note').first('changed_at') as { changed_at: unknown }
  // Behind the CMS's back: the stored snapshot still lists body, so an unchanged boot trusts it.
  await knex.schema.alterTable('ct_note', t => { t.dropColumn('body') })
  await first.close()

  const same = await bootTestKernel(t, db, { site, moduleSources: notesModule('1.0.0', [{ name: 'title', type: 'string' }, { name: 'body', type: 'text' }]) })
  t.notOk(await same.db.knex.schema.hasColumn('ct_note', 'body'), 'an unchanged type is not re-checked against the database')
  t.same(await same.db.knex('cms_content_types').where('id', 'note').first('changed_at'), before, 'nor its row rewritten')
  await same.close()

  const upgraded = await bootTestKernel(t, db, {
    site,
    moduleSources: notesModule('1.1.0', [{ name: 'title', type: 'string', unique: true }, { name: 'body', type: 'text' }, { name: 'summary', type: 'string' }])
  })
  const k = upgraded.db.knex
  t.ok(await k.schema.hasColumn('ct_note', 'summary'), 'a module upgrade that adds a field adds its column')
  t.ok(await k.schema.hasColumn('ct_note__rev', 'summary'), 'in the revision table too')
  t.ok(await k.schema.hasColumn('ct_note', 'body'), 'a sync restores what each step finds missing')
  t.ok(await hasIndex(k, upgraded.db.dialect, 'ct_note', 'ct_note_title_uniq'), 'a field made unique gets its index')
  const row = await k('cms_content_types').where('id', 'note').first('applied') as { applied: string }
  t.ok(row.applied.includes('"summary"'), 'the new snapshot is recorded')
})

const set = (names: string[]): MigrationSet => ({ owner: 'fx', migrations: names.map(name => ({ name, async up () {} })) })

eachDatabase(t, 'recorded migrations need no lock; a new one still takes it', async (t, db) => {
  const conn = connectDatabase({ url: db.url, poolMax: 2, acquireTimeoutMs: 2000 })
  t.teardown(() => conn.close())
  t.same(await migrate(conn, [set(['001'])]), ['fx:001'])
  let release = (): void => {}
  const held = new Promise<void>(resolve => { release = resolve })
  let entered = (): void => {}
  const holding = new Promise<void>(resolve => { entered = resolve })
  const holder = withLock(conn, 'cms_migrate', 5, async () => { entered(); await held })
  await holding
  t.same(await migrate(conn, [set(['001'])], 1), [], 'all recorded: answered while another holds the lock')
  let pendingDone = false
  const pending = migrate(conn, [set(['001', '002'])], 5).finally(() => { pendingDone = true })
  await new Promise(resolve => setTimeout(resolve, 200))
  t.equal(pendingDone, false, 'a pending migration waits for the lock')
  release()
  await holder
  t.same(await pending, ['fx:002'], 'and runs once it is free')
  t.same(await migrate(conn, [set(['001', '002'])]), [])
})
