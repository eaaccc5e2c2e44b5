// page[cursor] keyset paging: walking every page while other writers insert never skips or
// repeats an item (where offset paging does), in both directions; bad cursors are 400.
import t from 'tap'
import { SYSTEM } from '../../../core/access/actor.js'
import { createContent } from '../../../core/content/operations/create.js'
import { eachDatabase } from '../../helpers/each-database.js'
import type { LightMyRequestResponse } from 'fastify'
import { bootApi, expectDocument, expectErrors, ids, type ApiSite, type ListDocument } from './helpers.js'

const article = (title: string) => ({ data: { type: 'article', attributes: { title, status: true } } })

/** Follows links.next from `url`, inserting `perPage` articles concurrently with each later page read. */
async function walk (site: ApiSite, url: string, perPage: number, label: string): Promise<string[]> {
  const seen: string[] = []
  let next: string | undefined = url
  let inserted = 0
  while (next !== undefined) {
    // The first page is read alone (it defines what "present at the start" means); every later
    // read races with writers.
    const writes = seen.length === 0 ? [] : Array.from({ length: perPage }, () => site.admin('POST', '/admin/api/content/article', article(`${label} ${inserted++}`)))
    const [page] = await Promise.all([site.get(next), ...writes]) as [LightMyRequestResponse, ...unknown[]]
    const body: ListDocument = page.json()
    if (page.statusCode !== 200) throw new Error(`${next}: ${page.statusCode} ${page.body}`)
    seen.push(...ids(body))
    next = body.links.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : undefined
    if (seen.length > 500) throw new Error('runaway paging')
  }
  return seen
}

eachDatabase(t, 'cursor paging', async (t, db) => {
  const site = await bootApi(t, db)
  const original: string[] = []
  for (let i = 0; i < 30; i++) original.push((await createContent(site.kernel, SYSTEM, 'article', article(`seed ${String(i).padStart(2, '0')}`))).id)

  t.test('newest first: inserts land before the cursor and never shift a page', async t => {
    const seen = await walk(site, '/jsonapi/article?sort=-created&page[limit]=7&page[cursor]=', 3, 'desc')
    t.equal(new Set(seen).size, seen.length, 'no item repeated')
    t.same(seen, [...original].reverse(), 'every original item exactly once, in order; none of the new ones')
  })

  t.test('oldest first: inserts land after the cursor and are reached in turn', async t => {
    const before = ids(expectDocument<ListDocument>(t, await site.get('/jsonapi/article?page[limit]=50&sort=created,title'), 200))
    const seen = await walk(site, '/jsonapi/article?sort=created,title&page[limit]=9&page[cursor]=', 2, 'asc')
    t.equal(new Set(seen).size, seen.length, 'no item repeated')
    t.same(seen.slice(0, before.length), before, 'every item present at the start, once and in order')
    t.ok(seen.length > before.length, 'items inserted meanwhile are reached too')
  })

  t.test('offset paging under the same inserts repeats items (why cursors exist)', async t => {
    const seen = await walk(site, '/jsonapi/article?sort=-created&page[limit]=7', 3, 'offset')
    t.ok(new Set(seen).size < seen.length, 'offset pages shift under inserts')
  })

  t.test('cursor links and refusals', async t => {
    const first = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?sort=title&page[limit]=2&page[cursor]='), 200)
    const next = new URL(first.links.next ?? '')
    t.match(next.searchParams.get('page[cursor]'), /^[A-Za-z0-9_-]+$/, 'an opaque cursor')
    t.equal(next.searchParams.get('sort'), 'title', 'the query is kept')
    t.notOk(first.links.prev, 'cursor pages have no prev link')
    const cursor = next.searchParams.get('page[cursor]') ?? ''
    const errors = expectErrors(t, await site.get(`/jsonapi/article?sort=-title&page[cursor]=${cursor}`), 400, 'a cursor of another sort order')
    t.equal(errors[0]?.source?.parameter, 'page[cursor]')
    expectErrors(t, await site.get(`/jsonapi/article?sort=title&page[cursor]=${cursor}&page[offset]=2`), 400, 'cursor and offset together')
    expectErrors(t, await site.get('/jsonapi/article?sort=published&page[cursor]='), 400, 'a sort key that may be empty')
    const last = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?filter[title]=seed 00&page[cursor]='), 200)
    t.equal(last.data.length, 1)
    t.notOk(last.links.next, 'no next link after the last page')
  })
})
