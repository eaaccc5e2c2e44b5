// Scheduling needs the permission of the transition it will take (403), and a schedule runs with its author's current rights (blocked or demoted → failed, nothing written).
import t from 'tap'
import { runScheduledTransitions } from '../../../core/workflow/schedule/run-scheduled.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, permissionOf, pointers, type Site } from './helpers.js'

const EDIT = ['edit any article content', 'view unpublished article content']
const url = (id: string) => `/admin/api/content/article/${id}/schedule`
const past = () => new Date(Date.now() - 60_000).toISOString()
const future = () => new Date(Date.now() + 3_600_000).toISOString()

async function revisionCount (site: Site, id: string): Promise<number> {
  return countRows(site, site.kernel.contentTypes.require('article').revisionTable, { id })
}

eachDatabase(t, 'scheduling needs the permission of the transition it will take', async (t, db) => {
  const site = await bootSite(t, db)
  await site.role('drafter', [...EDIT, permissionOf('create_new_draft'), permissionOf('submit_for_review')])
  await site.role('watcher', ['view unpublished article content', permissionOf('publish')])
  const drafter = await site.user('drafter', ['drafter'])
  const watcher = await site.user('watcher', ['watcher'])
  const item = await site.create('article', { title: 'Needs a publisher' })

  const noPublish = await site.json(drafter.token, 'POST', url(item.id), { state: 'published', at: future() })
  t.equal(noPublish.statusCode, 403, 'without "use editorial transition publish" → 403')
  const noEdit = await site.json(watcher.token, 'POST', url(item.id), { state: 'published', at: future() })
  t.equal(noEdit.statusCode, 403, 'with the transition but without edit access → 403')
  const anonymous = await site.json(null, 'POST', url(item.id), { state: 'published', at: future() })
  t.equal(anonymous.statusCode, 401, 'anonymous → 401')
  const live = await site.create('article', { title: 'Already live', moderation_state: 'published' })
  const republish = await site.json(drafter.token, 'POST', url(live.id), { state: 'published', at: future() })
  t.equal(republish.statusCode, 403, 'published → published is the publish transition too → 403 without it')
  t.same(pointers(republish), ['/state'], 'the 403 points at /state')
  const allowed = await site.json(drafter.token, 'POST', url(item.id), { state: 'review', at: future() })
  t.equal(allowed.statusCode, 201, 'a transition the drafter holds → 201')
  t.equal(await countRows(site, 'cms_scheduled_transitions'), 1, 'only the allowed schedule was stored')
  const tag = await site.create('tag', { name: 'Unmoderated', status: true })
  const noWorkflow = await site.json(site.adminToken, 'POST', `/admin/api/content/tag/${tag.id}/schedule`, { state: 'published', at: future() })
  t.equal(noWorkflow.statusCode, 409, 'a type without a workflow has nothing to schedule → 409')
})

eachDatabase(t, 'a schedule whose author was blocked or lost the permission fails and writes nothing', async (t, db) => {
  const site = await bootSite(t, db)
  await site.role('publisher', [...EDIT, permissionOf('publish')])
  const blocked = await site.user('soon-blocked', ['publisher'])
  const demoted = await site.user('soon-demoted', ['publisher'])
  const a = await site.create('article', { title: 'Blocked author\'s pick' })
  const b = await site.create('article', { title: 'Demoted author\'s pick' })
  const sa = await site.json(blocked.token, 'POST', url(a.id), { state: 'published', at: past() })
  const sb = await site.json(demoted.token, 'POST', url(b.id), { state: 'published', at: past() })
  t.equal(sa.statusCode, 201, 'the first publisher schedules')
  t.equal(sb.statusCode, 201, 'the second publisher schedules')
  const before = [await revisionCount(site, a.id), await revisionCount(site, b.id)]

  const block = await site.json(site.adminToken, 'PATCH', `/admin/api/users/${blocked.id}`, { status: 'blocked' })
  t.equal(block.statusCode, 200, 'the first publisher is blocked')
  const demote = await site.json(site.adminToken, 'PATCH', `/admin/api/users/${demoted.id}`, { roles: [] })
  t.equal(demote.statusCode, 200, 'the second publisher loses the role')

  const applied = await runScheduledTransitions(site.kernel)
  t.equal(applied, 0, 'neither schedule was applied')
  const rows = await site.kernel.db.knex('cms_scheduled_transitions').orderBy('item_id').select('item_id', 'status', 'result') as Array<{ item_id: string, status: string, result: string }>
  t.same(rows.map(r => r.status), ['failed', 'failed'], 'both schedules failed')
  t.match(rows.find(r => r.item_id === a.id)?.result, /blocked|deleted/, 'the blocked author\'s schedule says why')
  t.same([await revisionCount(site, a.id), await revisionCount(site, b.id)], before, 'no revision was written')
  t.equal(await site.reader('article', a.id), null, 'the first article is not published')
  t.equal(await site.reader('article', b.id), null, 'the second article is not published')
  t.equal(await runScheduledTransitions(site.kernel), 0, 'failed schedules are not retried')
})
