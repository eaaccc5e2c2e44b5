// Kernel boot: modules register and start in dependency order, close in reverse, are recorded in
// cms_modules, and the registries are frozen once boot is done.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestKernel } from '../helpers/boot.js'
import { latecomer, recorder, recorders } from '../fixtures/modules/recorder.js'
import type { ModuleContext } from '../../core/index.js'

eachDatabase(t, 'modules register, start and stop in dependency order', async (t, db) => {
  const trace: string[] = []
  const sources = recorders(trace, { blog: ['media', 'users'], media: ['users'], users: [], extras: [] })
  const kernel = await bootTestKernel(t, db, { site: { modules: ['blog', 'extras', 'media', 'users'] }, moduleSources: sources })
  t.same(kernel.moduleNames, ['users', 'media', 'blog', 'extras'])
  t.same(trace, [
    'register:users', 'register:media', 'register:blog', 'register:extras',
    'ready:users', 'ready:media', 'ready:blog', 'ready:extras'
  ])
  trace.length = 0
  await kernel.close()
  t.same(trace, ['close:extras', 'close:blog', 'close:media', 'close:users'], 'closed in reverse order')
})

eachDatabase(t, 'enabled modules are recorded in cms_modules with their version', async (t, db) => {
  const trace: string[] = []
  const kernel = await bootTestKernel(t, db, { site: { modules: ['b', 'a'] }, moduleSources: recorders(trace, { a: [], b: ['a'] }) })
  const rows = await kernel.db.knex('cms_modules').select('name', 'version', 'enabled').orderBy('name') as Array<{ name: string, version: string, enabled: number | boolean }>
  t.same(rows.map(r => ({ ...r, enabled: Boolean(r.enabled) })), [
    { name: 'a', version: '1.0.0', enabled: true },
    { name: 'b', version: '1.0.0', enabled: true }
  ])
})

eachDatabase(t, 'registries and hooks are frozen after boot', async (t, db) => {
  const holder: { ctx?: ModuleContext } = {}
  const kernel = await bootTestKernel(t, db, { site: { modules: ['latecomer'] }, moduleSources: { latecomer: latecomer(holder) } })
  const ctx = holder.ctx
  if (!ctx) throw new Error('register() was not called')
  t.throws(() => { ctx.permissions.define({ name: 'late permission', title: 'Late' }) }, { message: /after boot/ })
  t.throws(() => { ctx.routes.add(() => {}) }, { message: /after boot/ })
  t.throws(() => { ctx.migrations.add({ name: '999-late', up: async () => {} }) }, { message: /after boot/ })
  t.throws(() => { ctx.jobs.define({ name: 'late', intervalMs: 1000, run: async () => {} }) }, { message: /after boot/ })
  t.throws(() => { ctx.cli.command({ name: 'late', description: 'late', needs: 'none', run: async () => 0 }) }, { message: /after boot/ })
  t.throws(() => { ctx.hooks.on('kernel.ready', () => {}) }, { message: /after boot/ })
  t.throws(() => { kernel.registries.templates.add('latecomer', 'late', 'x') }, { message: /after boot/ })
  t.equal(kernel.registries.permissions.has('late permission'), false)
  t.equal(kernel.registries.routes.list().length, 0)
})

eachDatabase(t, 'module options reach register() with schema defaults applied', async (t, db) => {
  let seen: unknown
  const opts = recorder('opts', [], {
    options: { type: 'object', properties: { size: { type: 'integer', default: 7 }, label: { type: 'string' } }, additionalProperties: false },
    register (ctx) { seen = ctx.options }
  })
  await bootTestKernel(t, db, { site: { modules: [{ name: 'opts', options: { label: 'x' } }] }, moduleSources: { opts } })
  t.same(seen, { label: 'x', size: 7 })
})
