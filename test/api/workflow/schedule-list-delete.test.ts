// GET lists the schedules of an item (soonest first) and DELETE cancels a pending one; finished ones cannot be deleted.
import t from 'tap'
import { runScheduledTransitions } from '../../../core/workflow/schedule/run-scheduled.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite } from './helpers.js'

interface Scheduled { id: string, type: string, itemId: string, state: string, runAt: string, userId: string | null, status: string, result: string | null }

const url = (id: string) => `/admin/api/content/article/${id}/schedule`
const future = () => new Date(Date.now() + 3_600_000).toISOString()

eachDatabase(t, 'GET lists the schedules of an item and DELETE cancels a pending one', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'Planned', moderation_state: 'published' })
  const other = await site.create('article', { title: 'Someone else' })
  const first = (await site.json(site.adminToken, 'POST', url(item.id), { state: 'archived', at: future() })).json<{ data: Scheduled }>().data
  const soon = new Date(Date.now() - 1000).toISOString()
  const second = (await site.json(site.adminToken, 'POST', url(item.id), { state: 'draft', at: soon })).json<{ data: Scheduled }>().data
  await site.json(site.adminToken, 'POST', url(other.id), { state: 'published', at: future() })

  const listed = await site.json(site.adminToken, 'GET', url(item.id))
  t.equal(listed.statusCode, 200, 'GET → 200')
  const data = listed.json<{ data: Scheduled[] }>().data
  t.same(data.map(s => s.id), [second.id, first.id], 'the item\'s schedules, soonest first, no other item\'s')
  t.match(data[1], { type: 'article', itemId: item.id, state: 'archived', status: 'pending', runAt: first.runAt }, 'each with its state, time and status')
  const badQuery = await site.json(site.adminToken, 'GET', `${url(item.id)}?page=2`)
  t.equal(badQuery.statusCode, 400, 'unknown query parameters → 400')

  await runScheduledTransitions(site.kernel)
  const doneDelete = await site.json(site.adminToken, 'DELETE', `${url(item.id)}/${second.id}`)
  t.equal(doneDelete.statusCode, 404, 'a schedule that already ran cannot be deleted → 404')
  const wrongItem = await site.json(site.adminToken, 'DELETE', `${url(other.id)}/${first.id}`)
  t.equal(wrongItem.statusCode, 404, 'a schedule of another item → 404')
  const removed = await site.json(site.adminToken, 'DELETE', `${url(item.id)}/${first.id}`)
  t.equal(removed.statusCode, 204, 'a pending schedule is deleted → 204')
  const after = (await site.json(site.adminToken, 'GET', url(item.id))).json<{ data: Scheduled[] }>().data
  t.same(after.map(s => [s.id, s.status]), [[second.id, 'done']], 'only the finished one remains')
  const again = await site.json(site.adminToken, 'DELETE', `${url(item.id)}/${first.id}`)
  t.equal(again.statusCode, 404, 'deleting it twice → 404')
})
