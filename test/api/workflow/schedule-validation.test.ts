// Bad schedule bodies are 422 with pointers and nothing is stored.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, pointers } from './helpers.js'

const url = (id: string) => `/admin/api/content/article/${id}/schedule`
const future = () => new Date(Date.now() + 3_600_000).toISOString()

eachDatabase(t, 'bad schedule bodies are 422 with pointers, and nothing is stored', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'Validated' })
  const cases: Array<[string, unknown, string]> = [
    ['missing at', { state: 'published' }, '/at'],
    ['missing state', { at: future() }, '/state'],
    ['at not a date-time', { state: 'published', at: 'tomorrow' }, '/at'],
    ['at an impossible date', { state: 'published', at: '2026-02-30T10:00:00Z' }, '/at'],
    ['at a number', { state: 'published', at: 1767225600000 }, '/at'],
    ['an unknown member', { state: 'published', at: future(), force: true }, '/force'],
    ['a state that is no machine name', { state: 'Published!', at: future() }, '/state'],
    ['a state the workflow does not have', { state: 'limbo', at: future() }, '/state'],
    ['a state with no transition from draft', { state: 'archived', at: future() }, '/state']
  ]
  for (const [label, body, pointer] of cases) {
    const response = await site.json(site.adminToken, 'POST', url(item.id), body)
    t.equal(response.statusCode, 422, `${label} → 422 (got ${response.statusCode})`)
    t.ok(pointers(response).includes(pointer), `${label} points at ${pointer} (got ${pointers(response).join(', ')})`)
  }
  const notJson = await site.app.inject({ method: 'POST', url: url(item.id), headers: { authorization: `Bearer ${site.adminToken}`, 'content-type': 'application/json' }, payload: '{"state":' })
  t.equal(notJson.statusCode, 400, 'malformed JSON → 400')
  const unknownItem = await site.json(site.adminToken, 'POST', url('0191b6a0-0000-7000-8000-000000000000'), { state: 'published', at: future() })
  t.equal(unknownItem.statusCode, 404, 'an unknown item → 404')
  t.equal(await countRows(site, 'cms_scheduled_transitions'), 0, 'nothing was stored')
})
