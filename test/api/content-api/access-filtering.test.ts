// Access is part of the query: with hidden items interleaved, every page holds exactly
// min(limit, remaining) visible items, for anonymous callers, owners and editors alike; hidden
// relationship targets neither match, sort nor appear.
import t from 'tap'
import { SYSTEM } from '../../../core/access/actor.js'
import { createContent } from '../../../core/content/operations/create.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, expectDocument, expectErrors, ids, type ApiSite, type ListDocument } from './helpers.js'
import { seedBlog } from './seed.js'

async function pages (site: ApiSite, url: string, token: string | null): Promise<string[][]> {
  const out: string[][] = []
  let next: string | undefined = url
  while (next !== undefined) {
    const body: ListDocument = (await site.get(next, { token })).json()
    out.push(ids(body))
    next = body.links.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : undefined
  }
  return out
}

eachDatabase(t, 'access filtering', async (t, db) => {
  const site = await bootApi(t, db)
  const owner = await site.userWith('owner', ['access content', 'edit own article content'])
  const editor = await site.userWith('reviewer', ['access content', 'view unpublished article content'])
  const published: string[] = []
  const ownHidden: string[] = []
  const all: string[] = []
  for (let i = 0; i < 20; i++) {
    const status = i % 2 === 0
    const uid = i % 4 === 1 ? owner.id : null
    const item = await createContent(site.kernel, SYSTEM, 'article', {
      data: { type: 'article', attributes: { title: `Item ${String(i).padStart(2, '0')}`, status }, relationships: { uid: { data: uid ? { type: 'user', id: uid } : null } } }
    })
    all.push(item.id)
    if (status) published.push(item.id)
    else if (uid) ownHidden.push(item.id)
  }

  for (const paging of ['page[offset]=0', 'page[cursor]=']) {
    t.test(`full pages with ${paging}`, async t => {
      const anonymous = await pages(site, `/jsonapi/article?sort=title&page[limit]=3&${paging}`, null)
      t.same(anonymous.map(p => p.length), [3, 3, 3, 1], 'anonymous: full pages of published items')
      t.same(anonymous.flat(), published, 'exactly the published items, in order')
      const own = await pages(site, `/jsonapi/article?sort=title&page[limit]=4&${paging}`, owner.token)
      t.same(own.flat(), all.filter(id => published.includes(id) || ownHidden.includes(id)), 'an owner also sees their own drafts')
      t.same(own.map(p => p.length), [4, 4, 4, 3])
      const everything = await pages(site, `/jsonapi/article?sort=title&page[limit]=7&${paging}`, editor.token)
      t.same(everything.flat(), all, 'view unpublished: everything')
    })
  }

  t.test('items, counts and responses per caller', async t => {
    const hidden = ownHidden[0] ?? ''
    expectErrors(t, await site.get(`/jsonapi/article/${hidden}`), 404, 'anonymous: a draft does not exist')
    expectDocument(t, await site.get(`/jsonapi/article/${hidden}`, { token: owner.token }), 200, 'its owner sees it')
    const count = (token: string | null) => site.get('/jsonapi/article?page[total]=true&page[limit]=1', { token }).then(r => r.json<ListDocument>().meta?.count)
    t.equal(await count(null), 10)
    t.equal(await count(owner.token), 10 + ownHidden.length)
    t.equal(await count(editor.token), 20)
    const authenticated = await site.get('/jsonapi/article', { token: editor.token })
    t.equal(authenticated.headers['cache-control'], 'private, no-store', 'authenticated answers are never stored by shared caches')
  })

  t.test('hidden relationship targets do not sort, match or appear', async t => {
    const blog = await seedBlog(site.kernel)
    const key = new Map(Object.entries(blog).map(([k, id]) => [id, k]))
    // The "Item" articles of the other tests have no author; only the blog's order is compared.
    const url = '/jsonapi/article?sort=author.name,title&page[limit]=50'
    const anonymous = expectDocument<ListDocument>(t, await site.get(url), 200)
    const visible = ids(anonymous).map(id => key.get(id)).filter(Boolean)
    t.same(visible, ['a2', 'a6', 'a1', 'a7', 'a5', 'a3', 'a8'], 'the hidden author of a2 sorts as empty')
    const admin = expectDocument<ListDocument>(t, await site.get(url, { token: site.adminToken }), 200)
    t.same(ids(admin).map(id => key.get(id)).filter(Boolean), ['a6', 'a1', 'a4', 'a7', 'a5', 'a3', 'a8', 'a2'], 'the administrator sorts by the real name')
  })
})
