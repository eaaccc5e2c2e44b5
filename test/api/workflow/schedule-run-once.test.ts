// A scheduled publish run twice at once publishes once, with exactly one revision logged "Scheduled transition to published", and the anonymous list is not stale.
import t from 'tap'
import { runScheduledTransitions } from '../../../core/workflow/schedule/run-scheduled.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, type Site } from './helpers.js'

interface Scheduled { id: string, state: string, runAt: string, status: string, result: string | null, itemId: string }
interface RevisionEntry { id: string, attributes: { moderation_state: string, log: string | null, default: boolean } }

async function schedule (site: Site, id: string, state: string, at: Date): Promise<Scheduled> {
  const response = await site.json(site.adminToken, 'POST', `/admin/api/content/article/${id}/schedule`, { state, at: at.toISOString() })
  if (response.statusCode !== 201) throw new Error(`schedule: ${response.statusCode} ${response.body}`)
  return response.json<{ data: Scheduled }>().data
}

async function revisions (site: Site, id: string): Promise<RevisionEntry[]> {
  const response = await site.api(site.adminToken, 'GET', `/admin/api/content/article/${id}/revisions`)
  if (response.statusCode !== 200) throw new Error(`revisions: ${response.statusCode} ${response.body}`)
  return response.json<{ data: RevisionEntry[] }>().data
}

async function statusOf (site: Site, scheduledId: string): Promise<{ status: string, result: string | null }> {
  return await site.kernel.db.knex('cms_scheduled_transitions').where('id', scheduledId).first('status', 'result') as { status: string, result: string | null }
}

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0)

eachDatabase(t, 'a due scheduled publish runs once when fired twice at once', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'Scheduled story' })
  t.same(await site.readerList('article'), [], 'nothing published yet (and the anonymous list is now cached)')
  const scheduled = await schedule(site, item.id, 'published', new Date(Date.now() - 60_000))
  t.equal(scheduled.status, 'pending', 'the schedule is pending')
  t.equal(scheduled.state, 'published', 'towards published')
  const before = (await revisions(site, item.id)).length

  const applied = await Promise.all([runScheduledTransitions(site.kernel), runScheduledTransitions(site.kernel)])
  t.equal(sum(applied), 1, `the two runs applied it once between them (got ${applied.join(' + ')})`)
  const list = await revisions(site, item.id)
  t.equal(list.length, before + 1, 'exactly one new revision')
  t.equal(list.filter(r => r.attributes.log === 'Scheduled transition to published').length, 1, 'logged "Scheduled transition to published" once')
  t.equal((await site.get('article', item.id)).attributes.moderation_state, 'published', 'the item is published')
  t.equal((await site.reader('article', item.id))?.title, 'Scheduled story', 'anonymous readers get it')
  t.same((await site.readerList('article')).map(r => r.id), [item.id], 'the anonymous list has it (no stale cache)')
  t.match(await statusOf(site, scheduled.id), { status: 'done' }, 'the schedule is done')

  t.equal(await runScheduledTransitions(site.kernel), 0, 'a later run finds nothing to do')
  t.equal((await revisions(site, item.id)).length, before + 1, 'and writes nothing')
})
