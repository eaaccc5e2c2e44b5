// Kernel boot refuses bad module sets with an error naming the modules, and records nothing.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { testConfig } from '../helpers/boot.js'
import type { TestDatabase } from '../helpers/databases.js'
import { recorder, recorders } from '../fixtures/modules/recorder.js'
import { bootKernel } from '../../core/kernel/boot.js'
import { connectDatabase } from '../../core/db/connect.js'
import { createLogger } from '../../core/kernel/logger.js'
import type { ModuleDefinition, ModuleEntry } from '../../core/index.js'

async function bootFails (db: TestDatabase, modules: Array<string | ModuleEntry>, moduleSources: Record<string, ModuleDefinition>): Promise<Error> {
  const config = testConfig(db, { site: { modules } })
  try {
    const kernel = await bootKernel(config, { logger: createLogger('silent'), moduleSources })
    await kernel.close()
  } catch (error) {
    return error as Error
  }
  throw new Error('boot succeeded but should have failed')
}

async function recordedModules (db: TestDatabase): Promise<string[]> {
  const conn = connectDatabase({ url: db.url })
  try {
    if (!(await conn.knex.schema.hasTable('cms_modules'))) return []
    return (await conn.knex('cms_modules').pluck('name') as string[]).sort()
  } finally {
    await conn.close()
  }
}

const trace: string[] = []
const cases: Array<[string, Array<string | ModuleEntry>, Record<string, ModuleDefinition>, RegExp]> = [
  ['a dependency cycle', ['a', 'b', 'c'], recorders(trace, { a: ['b'], b: ['c'], c: ['a'] }), /cycle: a → b → c → a/],
  ['a missing dependency', ['blog'], recorders(trace, { blog: ['taxonomy'] }), /"blog" depends on "taxonomy", which is not enabled/],
  ['a module enabled twice', ['a', 'a'], recorders(trace, { a: [] }), /"a" is enabled twice/],
  ['an unsupported core version', ['future'], { future: recorder('future', trace, { core: '^2.0.0' }) }, /"future" supports core \^2\.0\.0, but this is core 0\.1\.0/],
  ['an invalid core range', ['odd'], { odd: recorder('odd', trace, { core: 'not a range' }) }, /"odd" supports core not a range/],
  ['an invalid version', ['v'], { v: recorder('v', trace, { version: 'one' }) }, /"v" has an invalid version "one"/],
  ['invalid options', [{ name: 'strict', options: { size: 'big' } }], {
    strict: recorder('strict', trace, { options: { type: 'object', properties: { size: { type: 'integer' } } } })
  }, /"strict" has invalid options: \/size must be integer/],
  ['a wrong name', ['alias'], { alias: recorder('real', trace) }, /"alias" \(inline\) declares the name "real"/],
  ['an unknown module', ['nowhere-to-be-found'], {}, /"nowhere-to-be-found" not found/],
  ['a register() that throws', ['ok', 'broken'], {
    ok: recorder('ok', trace),
    broken: recorder('broken', trace, { register () { throw new Error('bad field type') } })
  }, /Module "broken" failed to register: bad field type/],
  ['a duplicate declaration', ['one', 'two'], {
    one: recorder('one', trace, { register (ctx) { ctx.permissions.define({ name: 'shared', title: 'x' }) } }),
    two: recorder('two', trace, { register (ctx) { ctx.permissions.define({ name: 'shared', title: 'y' }) } })
  }, /permission "shared" is declared twice: by one and by two/]
]

for (const [label, modules, sources, message] of cases) {
  eachDatabase(t, `boot stops on ${label}`, async (t, db) => {
    trace.length = 0
    const error = await bootFails(db, modules, sources)
    t.match(error.message, message)
    t.notOk(trace.some(e => e.startsWith('ready:')), 'no module became ready')
    t.same(await recordedModules(db), [], 'nothing recorded as enabled')
  })
}

eachDatabase(t, 'a failed migration stops boot and is retried at the next boot', async (t, db) => {
  let fail = true
  const flaky = recorder('flaky', [], {
    register (ctx) {
      ctx.migrations.add({ name: '001-flaky', async up () { if (fail) throw new Error('disk full') } })
    }
  })
  const error = await bootFails(db, ['flaky'], { flaky })
  t.match(error.message, /Migration flaky:001-flaky failed: disk full/)
  fail = false
  const kernel = await bootKernel(testConfig(db, { site: { modules: ['flaky'] } }), { logger: createLogger('silent'), moduleSources: { flaky } })
  t.teardown(() => kernel.close())
  const rows = await kernel.db.knex('cms_migrations').where('owner', 'flaky').pluck('name') as string[]
  t.same(rows, ['001-flaky'])
})
