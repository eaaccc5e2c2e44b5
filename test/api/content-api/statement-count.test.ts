// Bounded queries: a request's SQL statement count (x-sql-statements) depends on the shape of the
// query (include paths, multi-valued fields), never on the number of items or included resources.
import t from 'tap'
import { SYSTEM } from '../../../core/access/actor.js'
import { createContent } from '../../../core/content/operations/create.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, expectDocument, type ApiSite, type ListDocument } from './helpers.js'

/** The fewest statements over three runs: the first may also refresh the role cache (1 s). */
async function statements (site: ApiSite, url: string): Promise<number> {
  let fewest = Infinity
  for (let i = 0; i < 3; i++) {
    const response = await site.get(url, { headers: { 'x-sql-statements': 'count' } })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
    fewest = Math.min(fewest, Number(response.headers['x-sql-statements']))
  }
  return fewest
}

eachDatabase(t, 'statement counts', async (t, db) => {
  // The response cache would answer repeats without SQL: measure the real work.
  const site = await bootApi(t, db, { cache: { enabled: false } })
  const [admin] = await site.kernel.db.knex('cms_users').select('id') as Array<{ id: string }>
  const create = (type: string, attributes: Record<string, unknown>, relationships: Record<string, unknown> = {}) =>
    createContent(site.kernel, SYSTEM, type, { data: { type, attributes: { status: true, ...attributes }, relationships } })
  const authors = []
  for (let i = 0; i < 5; i++) authors.push((await create('author', { name: `Author ${i}` })).id)
  const tags = []
  for (let i = 0; i < 8; i++) tags.push((await create('tag', { name: `Tag ${i}` })).id)
  for (let i = 0; i < 50; i++) {
    await create('article', { title: `Article ${String(i).padStart(2, '0')}` }, {
      uid: { data: { type: 'user', id: admin?.id } },
      author: { data: { type: 'author', id: authors[i % 5] } },
      tags: { data: [tags[i % 8], tags[(i + 3) % 8]].map(id => ({ type: 'tag', id })) }
    })
  }

  const list = (limit: number, extra = '') => `/jsonapi/article?sort=title&page[limit]=${limit}${extra}`
  const one = await statements(site, list(1, '&include=author,tags,uid'))
  const fifty = await statements(site, list(50, '&include=author,tags,uid'))
  const page = expectDocument<ListDocument>(t, await site.get(list(50, '&include=author,tags,uid')), 200)
  t.equal(page.data.length, 50, 'a full page of 50')
  t.equal(page.included?.length, 5 + 8 + 1, 'every author, tag and the user included once')
  t.equal(one, fifty, `1 item and 50 items with includes cost the same (${one} statements)`)
  t.ok(fifty <= 7, `page, tags side table, authors, tags, users, plus the caller's roles at most (${fifty})`)

  const plain = await statements(site, list(50))
  t.equal(fifty - plain, 3, 'each include target type costs one statement, whatever the number of items')
  t.equal(await statements(site, list(50, '&page[total]=true')), plain + 1, 'the opt-in total costs one more')
  t.equal(await statements(site, list(3, '&filter[tags.name]=Tag 1&filter[author.name][value]=Author&filter[author.name][operator]=STARTS_WITH')), plain,
    'relationship filters compile into the page statement')
  t.equal(await statements(site, list(50, '&page[cursor]=')), plain, 'a cursor page costs what an offset page does')

  const first = page.data[0]?.id ?? ''
  t.equal(await statements(site, `/jsonapi/article/${first}?include=author,tags,uid`), await statements(site, `/jsonapi/article/${page.data[49]?.id ?? ''}?include=author,tags,uid`),
    'items cost the same whatever their relationships')
  t.equal(await statements(site, `/jsonapi/tag/${tags[0] ?? ''}/uid`), await statements(site, `/jsonapi/tag/${tags[1] ?? ''}/uid`), 'related routes too')
})
