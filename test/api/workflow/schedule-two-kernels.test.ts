// Two kernels (processes) on one MySQL database running scheduled transitions at once publish each due item once.
import t from 'tap'
import type { Kernel } from '../../../core/kernel/kernel.js'
import { runScheduledTransitions } from '../../../core/workflow/schedule/run-scheduled.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, secondKernel, type Site } from './helpers.js'

interface Scheduled { id: string, state: string, runAt: string, status: string, result: string | null, itemId: string }

async function schedule (site: Site, id: string, state: string, at: Date): Promise<Scheduled> {
  const response = await site.json(site.adminToken, 'POST', `/admin/api/content/article/${id}/schedule`, { state, at: at.toISOString() })
  if (response.statusCode !== 201) throw new Error(`schedule: ${response.statusCode} ${response.body}`)
  return response.json<{ data: Scheduled }>().data
}

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0)

eachDatabase(t, 'two kernels on one database publish each due item once', async (t, db) => {
  if (db.dialect !== 'mysql') {
    t.plan(0, 'several processes sharing one database is a MySQL deployment (schedule-run-once covers SQLite)')
    return
  }
  const site = await bootSite(t, db)
  const other: Kernel = await secondKernel(t, db)
  const items = []
  for (let i = 0; i < 6; i++) items.push(await site.create('article', { title: `Cluster story ${i}` }))
  for (const item of items) await schedule(site, item.id, 'published', new Date(Date.now() - 1000))

  const applied = await Promise.all([
    runScheduledTransitions(site.kernel), runScheduledTransitions(other), runScheduledTransitions(site.kernel), runScheduledTransitions(other)
  ])
  t.equal(sum(applied), items.length, `four runs over two kernels applied each of the ${items.length} once (got ${applied.join(' + ')})`)
  const table = site.kernel.contentTypes.require('article').revisionTable
  for (const item of items) {
    t.equal(await countRows(site, table, { id: item.id }), 2, `${item.attributes.title as string}: created + one scheduled revision`)
    t.equal(await countRows(site, table, { id: item.id, rev_log: 'Scheduled transition to published' }), 1, `${item.attributes.title as string}: one scheduled log`)
    t.equal((await site.reader('article', item.id))?.title, item.attributes.title, `${item.attributes.title as string}: published`)
  }
  t.equal(await countRows(site, 'cms_scheduled_transitions', { status: 'done' }), items.length, 'every schedule is done')
})
