// A fixture module for the content lifecycle: declares the `hooked` type and a side table of its
// own, and hooks that fail on marker titles (validation errors, plain errors, before and after
// the write) or record what they saw, so tests can check rollback and after-commit behaviour.
import { defineModule, ensureTable, nowDb, validationError, type ContentEvent, type Kernel, type ModuleDefinition } from '../../../core/index.js'

export const HOOK_TABLE = 'hooktest_log'

export interface HookTrace {
  /** "afterCommit:<title>:<visible outside the transaction>" per after-commit call. */
  afterCommit: string[]
}

function fail (kind: string, title: unknown, phase: string): void {
  if (title === `invalid-${phase}`) throw validationError([{ pointer: '/data/attributes/title', detail: `${phase} refused this title` }])
  if (title === `crash-${phase}`) throw new Error(`${phase} crashed: SELECT secret FROM ${kind} at /work/main/secret.ts:1:1`)
}

export function hookModule (trace: HookTrace): ModuleDefinition {
  let kernel: Kernel | undefined
  return defineModule({
    name: 'hooktest',
    version: '1.0.0',
    core: '^0.1.0',
    register (ctx) {
      ctx.migrations.add({
        name: '001-log',
        async up ({ knex }) {
          await ensureTable(knex, HOOK_TABLE, t => {
            t.increments('id')
            t.string('item', 36).notNullable()
            t.string('phase', 32).notNullable()
            t.datetime('at', { precision: 3 }).notNullable()
          })
        }
      })
      ctx.contentTypes.define({
        id: 'hooked',
        label: 'Hooked',
        fields: [{ name: 'title', type: 'string' }, { name: 'tags', type: 'string', cardinality: 'many' }]
      })
      ctx.hooks.on('content.validate', event => { fail('validate', event.item.values.title, 'validate') })
      ctx.hooks.on('content.presave', event => {
        fail('presave', event.item.values.title, 'presave')
        return undefined
      })
      // Writes through the open transaction first: a later throw must take this row away too.
      const record = async (event: ContentEvent, phase: string) => {
        await event.uow.trx(HOOK_TABLE).insert({ item: event.item.id, phase, at: nowDb() })
        fail(phase, event.item.values.title, phase)
      }
      ctx.hooks.on('content.insert', event => record(event, 'insert'))
      ctx.hooks.on('content.update', event => record(event, 'update'))
      ctx.hooks.on('content.afterCommit', async committed => {
        const { item, type } = committed
        // Outside the transaction: the row is only there once COMMIT has happened.
        const row = await kernel?.db.knex(type.table).where('id', item.id).first('id')
        trace.afterCommit.push(`afterCommit:${String(item.values.title)}:${row ? 'visible' : 'missing'}`)
        if (item.values.title === 'crash-afterCommit') throw new Error('after-commit hook failed')
      })
    },
    onReady (k) { kernel = k }
  })
}
