// A scheduled publish is not applied before its time; once due it publishes the pending draft.
import t from 'tap'
import { runScheduledTransitions } from '../../../core/workflow/schedule/run-scheduled.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, type Site } from './helpers.js'

interface Scheduled { id: string, state: string, runAt: string, status: string, result: string | null, itemId: string }

async function schedule (site: Site, id: string, state: string, at: Date): Promise<Scheduled> {
  const response = await site.json(site.adminToken, 'POST', `/admin/api/content/article/${id}/schedule`, { state, at: at.toISOString() })
  if (response.statusCode !== 201) throw new Error(`schedule: ${response.statusCode} ${response.body}`)
  return response.json<{ data: Scheduled }>().data
}

async function statusOf (site: Site, scheduledId: string): Promise<{ status: string, result: string | null }> {
  return await site.kernel.db.knex('cms_scheduled_transitions').where('id', scheduledId).first('status', 'result') as { status: string, result: string | null }
}

eachDatabase(t, 'a scheduled publish waits for its time, then publishes the pending draft', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'Live title', moderation_state: 'published' })
  const draft = await site.patch('article', item.id, { title: 'Next title', moderation_state: 'draft' })
  t.equal(draft.statusCode, 200, 'a draft over the published article')
  const at = new Date(Date.now() + 1500)
  const scheduled = await schedule(site, item.id, 'published', at)
  t.equal(scheduled.runAt, at.toISOString(), 'the schedule keeps the time to the millisecond')

  t.equal(await runScheduledTransitions(site.kernel), 0, 'not due yet: nothing runs')
  t.equal((await site.reader('article', item.id))?.title, 'Live title', 'readers keep the live title')
  t.match(await statusOf(site, scheduled.id), { status: 'pending' }, 'still pending')

  await new Promise(resolve => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()) + 50))
  t.equal(await runScheduledTransitions(site.kernel), 1, 'once due, it runs')
  t.equal((await site.reader('article', item.id))?.title, 'Next title', 'readers get the draft that was published')
  const current = await site.get('article', item.id)
  t.equal(current.meta?.defaultRevision, current.meta?.latestRevision, 'the draft became the default revision')
})
