// Runtime enable/disable: setModuleState is recorded in cms_modules and decides what boots next time.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestKernel, testConfig } from '../helpers/boot.js'
import { recorders } from '../fixtures/modules/recorder.js'
import { setModuleState, readModuleState } from '../../core/kernel/module-state.js'
import { bootKernel } from '../../core/kernel/boot.js'
import { createLogger } from '../../core/kernel/logger.js'

const graph = { base: [], feature: ['base'], extra: [], optional: [] }

eachDatabase(t, 'a module disabled at runtime does not boot next time, even if configured', async (t, db) => {
  const sources = recorders([], graph)
  const site = { modules: ['base', 'feature', 'extra'] }
  const first = await bootTestKernel(t, db, { site, moduleSources: sources })
  t.same(first.moduleNames, ['base', 'feature', 'extra'])
  await setModuleState(first.db.knex, 'extra', '1.0.0', false)
  await first.close()

  const second = await bootTestKernel(t, db, { site, moduleSources: sources })
  t.same(second.moduleNames, ['base', 'feature'])
  const state = await readModuleState(second.db.knex)
  t.equal(state.get('extra')?.enabled, false, 'still recorded as disabled')
  t.equal(state.get('base')?.enabled, true)
  await setModuleState(second.db.knex, 'extra', '1.0.0', true)
  await second.close()

  const third = await bootTestKernel(t, db, { site, moduleSources: sources })
  t.same(third.moduleNames, ['base', 'feature', 'extra'], 're-enabled')
})

eachDatabase(t, 'a module enabled at runtime boots next time, though not configured', async (t, db) => {
  const sources = recorders([], graph)
  const site = { modules: ['base'] }
  const first = await bootTestKernel(t, db, { site, moduleSources: sources })
  await setModuleState(first.db.knex, 'optional', '1.0.0', true)
  await first.close()
  const second = await bootTestKernel(t, db, { site, moduleSources: sources })
  t.same(second.moduleNames, ['base', 'optional'])
})

eachDatabase(t, 'disabling a dependency at runtime stops the next boot, naming both modules', async (t, db) => {
  const sources = recorders([], graph)
  const site = { modules: ['base', 'feature'] }
  const first = await bootTestKernel(t, db, { site, moduleSources: sources })
  await setModuleState(first.db.knex, 'base', '1.0.0', false)
  await first.close()
  await t.rejects(bootKernel(testConfig(db, { site }), { logger: createLogger('silent'), moduleSources: sources }), {
    message: /"feature" depends on "base", which is not enabled/
  })
})

eachDatabase(t, 'setModuleState updates the existing row', async (t, db) => {
  const kernel = await bootTestKernel(t, db, { site: { modules: ['base'] }, moduleSources: recorders([], graph) })
  await setModuleState(kernel.db.knex, 'base', '1.2.0', false)
  await setModuleState(kernel.db.knex, 'base', '1.3.0', true)
  const rows = await kernel.db.knex('cms_modules').where('name', 'base').select('version', 'enabled') as Array<{ version: string, enabled: number | boolean }>
  t.equal(rows.length, 1)
  t.equal(rows[0]?.version, '1.3.0')
  t.equal(Boolean(rows[0]?.enabled), true)
})
