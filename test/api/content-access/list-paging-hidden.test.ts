// With hidden items (others' drafts) interleaved between visible ones (published, own drafts),
// every page holds exactly `limit` visible items, in order, offset and cursor paging alike, and
// page[total]=true counts only what the caller may see.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, OWN_ARTICLE, type Resource } from './helpers.js'

interface ListDocument { data: Resource[], links: { next?: string }, meta?: { count?: number } }

eachDatabase(t, 'full pages and honest counts with hidden items interleaved', async (t, db) => {
  const site = await bootContent(t, db)
  await site.role('author', OWN_ARTICLE)
  const alice = await site.user('alice', ['author'])
  const bob = await site.user('bob', ['author'])
  const reader = await site.user('reader', [])

  // 20 items, titles t00…t19: i % 4 = 0 published (bob), 1 alice's draft, 2 and 3 bob's drafts.
  const visibleToAlice: string[] = []
  const published: string[] = []
  for (let i = 0; i < 20; i++) {
    const title = `t${String(i).padStart(2, '0')}`
    const kind = i % 4
    const item = await site.create('article', { title, status: kind === 0 }, { owner: kind === 1 ? alice.id : bob.id })
    if (kind <= 1) visibleToAlice.push(item.id)
    if (kind === 0) published.push(item.id)
  }

  const pages: string[][] = []
  for (let offset = 0; offset < 10; offset += 3) pages.push(await site.ids(alice.token, `${CONTENT}/article?sort=title&page[limit]=3&page[offset]=${offset}`))
  t.same(pages.map(p => p.length), [3, 3, 3, 1], 'offset pages are full until the visible items run out')
  t.same(pages.flat(), visibleToAlice, 'exactly the visible items, in order')

  const cursorPages: string[][] = []
  let url: string | undefined = `${CONTENT}/article?sort=-title&page[limit]=4&page[cursor]=`
  while (url !== undefined && cursorPages.length < 10) {
    const response = await site.api(alice.token, 'GET', url)
    t.equal(response.statusCode, 200)
    const body = response.json<ListDocument>()
    cursorPages.push(body.data.map(r => r.id))
    url = body.links.next === undefined ? undefined : new URL(body.links.next).pathname + new URL(body.links.next).search
  }
  t.same(cursorPages.map(p => p.length), [4, 4, 2], 'cursor pages are full too')
  t.same(cursorPages.flat(), [...visibleToAlice].reverse())

  const counted = await site.api(alice.token, 'GET', `${CONTENT}/article?page[limit]=3&page[total]=true`)
  t.equal(counted.json<ListDocument>().meta?.count, 10, 'the total counts visible items only')
  const filtered = await site.api(alice.token, 'GET', `${CONTENT}/article?filter[status]=0&page[total]=true`)
  t.equal(filtered.json<ListDocument>().meta?.count, 5, 'a filter on status finds her drafts, never his')
  const readerCount = await site.api(reader.token, 'GET', `${CONTENT}/article?page[limit]=2&page[total]=true`)
  t.equal(readerCount.json<ListDocument>().meta?.count, 5, 'a reader counts published items')
  t.same(readerCount.json<ListDocument>().data.map(r => r.id), published.slice(0, 2), 'and gets a full page of them')
  const bobCount = await site.api(bob.token, 'GET', `${CONTENT}/article?page[total]=true`)
  t.equal(bobCount.json<ListDocument>().meta?.count, 15, 'bob counts his own and the published')
  const adminCount = await site.api(site.adminToken, 'GET', `${CONTENT}/article?page[total]=true`)
  t.equal(adminCount.json<ListDocument>().meta?.count, 20, 'the administrator counts everything')
})
