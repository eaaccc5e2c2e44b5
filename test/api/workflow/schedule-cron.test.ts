// `cms cron:run` runs the due scheduled transitions (and leaves the ones not yet due pending).
import t from 'tap'
import { main } from '../../../core/cli/main.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { createSiteRoot, repoModule, siteEnv } from '../../helpers/site-root.js'
import { bootSite, countRows } from './helpers.js'

eachDatabase(t, 'cms cron:run applies due scheduled transitions once', async (t, db) => {
  const site = await bootSite(t, db)
  const due = await site.create('article', { title: 'Due now' })
  const live = await site.create('article', { title: 'Archive me', moderation_state: 'published' })
  const later = await site.create('article', { title: 'Not yet' })
  const schedule = async (id: string, state: string, at: number) => {
    const response = await site.json(site.adminToken, 'POST', `/admin/api/content/article/${id}/schedule`, { state, at: new Date(at).toISOString() })
    if (response.statusCode !== 201) throw new Error(`schedule: ${response.statusCode} ${response.body}`)
  }
  await schedule(due.id, 'published', Date.now() - 5000)
  await schedule(live.id, 'archived', Date.now() - 5000)
  await schedule(later.id, 'published', Date.now() + 3_600_000)

  const modules = ['blog', 'editorial', 'pathauto']
  const root = createSiteRoot(t, { enabled: modules, modules: Object.fromEntries(modules.map(m => [m, repoModule(m)])) })
  const out: string[] = []
  const err: string[] = []
  const code = await main(['cron:run'], { stdout: line => { out.push(line) }, stderr: line => { err.push(line) } }, siteEnv(db, root))
  t.equal(code, 0, `cron:run exits 0 (stderr: ${err.join(' ')})`)
  t.match(out.join('\n'), /core:scheduled-transitions: ran/, 'it reports the scheduled-transitions job as run')

  t.equal((await site.reader('article', due.id))?.title, 'Due now', 'the due publish happened')
  t.equal(await site.reader('article', live.id), null, 'the due archive happened (no longer public)')
  t.equal((await site.get('article', live.id)).attributes.moderation_state, 'archived', 'the archived item is in state archived')
  t.equal(await site.reader('article', later.id), null, 'the future publish did not happen')
  t.equal(await countRows(site, 'cms_scheduled_transitions', { status: 'done' }), 2, 'two schedules done')
  t.equal(await countRows(site, 'cms_scheduled_transitions', { status: 'pending' }), 1, 'one still pending')
  const table = site.kernel.contentTypes.require('article').revisionTable
  t.equal(await countRows(site, table, { id: live.id, rev_log: 'Scheduled transition to archived' }), 1, 'the archive is logged on its revision')

  const second = await main(['cron:run'], { stdout: () => {}, stderr: () => {} }, siteEnv(db, root))
  t.equal(second, 0, 'a second cron:run exits 0')
  t.equal(await countRows(site, table, { id: due.id }), 2, 'and adds no revision to the already published item')
})
