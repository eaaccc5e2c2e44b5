// For every combination of the view-related permissions (access content, view unpublished, edit
// own), the list shows exactly the items a read answers 200 for, and its total counts them.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT } from './helpers.js'

const GRANTS = ['access content', 'view unpublished article content', 'edit own article content']

eachDatabase(t, 'lists and reads agree for every permission combination', async (t, db) => {
  const site = await bootContent(t, db)
  const cleared = await site.as(site.adminToken, { method: 'PATCH', url: '/admin/api/roles/authenticated', payload: { permissions: [] } })
  t.equal(cleared.statusCode, 200, 'authenticated grants nothing by itself here')
  const users = []
  for (let mask = 0; mask < 2 ** GRANTS.length; mask++) {
    const permissions = GRANTS.filter((_, i) => (mask & (1 << i)) !== 0)
    await site.role(`combo${mask}`, permissions)
    users.push({ permissions, ...await site.user(`combo${mask}`, [`combo${mask}`]) })
  }
  const all: string[] = []
  for (const [i, user] of users.entries()) {
    all.push((await site.create('article', { title: `published ${i}`, status: true }, { owner: user.id })).id)
    all.push((await site.create('article', { title: `draft ${i}`, status: false }, { owner: user.id })).id)
  }

  for (const user of users) {
    const name = user.permissions.join(' + ') || 'no permission'
    const readable: string[] = []
    for (const id of all) {
      const status = (await site.api(user.token, 'GET', `${CONTENT}/article/${id}`)).statusCode
      if (status === 200) readable.push(id)
      else t.equal(status, 404, `${name}: a hidden item is not found`)
    }
    const listed = await site.api(user.token, 'GET', `${CONTENT}/article?page[limit]=50&page[total]=true`)
    const body = listed.json<{ data: Array<{ id: string }>, meta: { count: number } }>()
    t.same(body.data.map(r => r.id), readable, `${name}: the list is exactly what can be read`)
    t.equal(body.meta.count, readable.length, `${name}: and the total counts it`)
    const [access, unpublished, own] = GRANTS.map(g => user.permissions.includes(g))
    // 8 published and 8 drafts, one of each owned by this user.
    const expected = unpublished ? 16 : (access ? 8 : 0) + (own ? (access ? 1 : 2) : 0)
    t.equal(readable.length, expected, `${name}: ${expected} readable`)
  }
})
