// cms cron:run (due jobs run once, then are skipped until due again) and a module-defined command.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { runCli } from '../helpers/cli.js'
import { siteEnv } from '../helpers/site-root.js'
import { cliSiteRoot } from '../fixtures/site.js'
import { connectDatabase } from '../../core/db/connect.js'
import { nowDb, toDbDateTime } from '../../core/db/dates.js'

eachDatabase(t, 'cron:run runs due jobs, and a second run right after skips them', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  const first = await runCli(['cron:run'], env)
  t.equal(first.code, 0, first.stderr)
  t.match(first.stdout, /^greeting:prune: ran$/m)
  const second = await runCli(['cron:run'], env)
  t.equal(second.code, 0)
  t.match(second.stdout, /^greeting:prune: skipped$/m)
  const forced = await runCli(['cron:run', '--force'], env)
  t.match(forced.stdout, /^greeting:prune: ran$/m, '--force ignores the interval')

  const conn = connectDatabase({ url: db.url })
  t.teardown(() => conn.close())
  const rows = await conn.knex('cms_job_runs').where('name', 'greeting:prune').select('last_run_at', 'last_success_at', 'last_error') as Array<Record<string, unknown>>
  t.equal(rows.length, 1)
  t.ok(rows[0]?.last_run_at, 'the run is recorded')
  t.ok(rows[0]?.last_success_at, 'and its success')
  t.equal(rows[0]?.last_error, null)
})

eachDatabase(t, 'a job becomes due again once its interval has passed', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  t.match((await runCli(['cron:run'], env)).stdout, /greeting:prune: ran/)
  const conn = connectDatabase({ url: db.url })
  t.teardown(() => conn.close())
  const dayAndAMinuteAgo = new Date(Date.now() - 24 * 3600 * 1000 - 60000)
  await conn.knex('cms_job_runs').where('name', 'greeting:prune').update({ last_run_at: toDbDateTime(dayAndAMinuteAgo) })
  t.match((await runCli(['cron:run'], env)).stdout, /greeting:prune: ran/)
})

eachDatabase(t, 'a module-defined command runs with a booted kernel', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  const empty = await runCli(['greeting:count'], env)
  t.same([empty.code, empty.stdout], [0, '0'])
  const conn = connectDatabase({ url: db.url })
  t.teardown(() => conn.close())
  await conn.knex('greeting_log').insert([{ name: 'ada', created: nowDb() }, { name: 'grace', created: nowDb() }])
  const counted = await runCli(['greeting:count'], env)
  t.same([counted.code, counted.stdout], [0, '2'])
})
