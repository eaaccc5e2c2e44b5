// A small example module: one route, one permission, one hook, one migration, one CLI command
// and one scheduled job — everything a module can declare, in the fewest lines.
import { defineModule, ensureTable, nowDb, type ActionHook } from '../../core/index.js'

declare module '../../core/index.js' {
  interface HookMap {
    /** Fired after a greeting is recorded; other modules may react. */
    'greeting.greeted': ActionHook<{ name: string }>
  }
}

export default defineModule<{ salutation: string }>({
  name: 'greeting',
  version: '1.0.0',
  core: '^0.1.0',
  description: 'Says hello and counts greetings: the example module for module authors',
  options: {
    type: 'object',
    properties: { salutation: { type: 'string', minLength: 1, maxLength: 40, default: 'Hello' } },
    additionalProperties: false
  },
  register (ctx) {
    ctx.permissions.define({ name: 'view greetings', title: 'See how many greetings were sent' })
    ctx.migrations.add({
      name: '001-greetings',
      async up ({ knex }) {
        await ensureTable(knex, 'greeting_log', t => {
          t.increments('id')
          t.string('name', 100).notNullable()
          t.datetime('created', { precision: 3 }).notNullable()
        })
      }
    })
    ctx.hooks.on('greeting.greeted', ({ name }) => { ctx.config.log.level === 'debug' && console.debug(`greeted ${name}`) })
    ctx.routes.add((app, kernel) => {
      app.get<{ Querystring: { name?: string } }>('/greeting', async request => {
        const name = typeof request.query.name === 'string' && request.query.name !== '' ? request.query.name.slice(0, 100) : 'world'
        await kernel.db.knex('greeting_log').insert({ name, created: nowDb() })
        await kernel.hooks.action('greeting.greeted', { name })
        return { message: `${ctx.options.salutation}, ${name}!` }
      })
    })
    ctx.cli.command({
      name: 'greeting:count',
      description: 'Print how many greetings were sent',
      needs: 'kernel',
      async run ({ kernel, stdout }) {
        const [row] = await kernel!.db.knex('greeting_log').count({ n: '*' }) as Array<{ n: number | string }>
        stdout(String(Number(row?.n ?? 0)))
        return 0
      }
    })
    ctx.jobs.define({
      name: 'greeting:prune',
      intervalMs: 24 * 3600 * 1000,
      async run (kernel) {
        const cutoff = nowDb().slice(0, 10)
        await kernel.db.knex('greeting_log').where('created', '<', `${Number(cutoff.slice(0, 4)) - 1}${cutoff.slice(4)}`).delete()
      }
    })
  }
})
