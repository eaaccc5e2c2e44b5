// Every limit and every refusal of the query grammar: unknown names 400, non-viewable fields 403
// naming the parameter, IN over 500 values, include depth, page size clamping said in meta.
import t, { type Test } from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, expectDocument, expectErrors, type ListDocument } from './helpers.js'
import { seedBlog } from './seed.js'

const TITLES = (n: number) => Array.from({ length: n }, (_, i) => `filter[t][condition][value][${i}]=x${i}`).join('&')

eachDatabase(t, 'query limits and refusals', async (t, db) => {
  const site = await bootApi(t, db)
  await seedBlog(site.kernel)
  const created = await site.as(site.adminToken, {
    method: 'POST',
    url: '/admin/api/content-types',
    payload: { id: 'node', label: 'Node', pageSize: 5, fields: [{ name: 'title', type: 'string' }, { name: 'parent', type: 'reference', target: ['node'] }] }
  })
  t.equal(created.statusCode, 201, created.body)

  const refused = async (t: Test, url: string, status: number, parameter: string | undefined, message = url) => {
    const errors = expectErrors(t, await site.get(url), status, message)
    t.equal(errors[0]?.source?.parameter, parameter, `${message} names ${String(parameter)}`)
  }

  t.test('unknown parameters, fields and operators are 400', async t => {
    await refused(t, '/jsonapi/article?filtre[title]=x', 400, 'filtre')
    await refused(t, '/jsonapi/article?filter[nope]=x', 400, 'filter[nope]')
    await refused(t, '/jsonapi/article?filter[author.nope]=x', 400, 'filter[author.nope]')
    await refused(t, '/jsonapi/article?filter[title.name]=x', 400, 'filter[title.name]', 'path through an attribute')
    await refused(t, '/jsonapi/article?filter[t][condition][path]=title&filter[t][condition][operator]=LIKE&filter[t][condition][value]=x', 400, 'filter[t][condition][operator]')
    await refused(t, '/jsonapi/article?filter[title][operator]=contains&filter[title][value]=x', 400, 'filter[title][operator]', 'operators are case-sensitive as in Drupal')
    await refused(t, '/jsonapi/article?filter[t][condition][path]=title&filter[t][condition][operator]=IS NULL&filter[t][condition][value]=x', 400, 'filter[t][condition][value]', 'IS NULL takes no value')
    await refused(t, '/jsonapi/article?filter[t][condition][path]=title&filter[t][condition][memberOf]=nope&filter[t][condition][value]=x', 400, 'filter[t]', 'unknown group')
    await refused(t, '/jsonapi/article?filter[a][group][conjunction]=OR&filter[a][group][memberOf]=b&filter[b][group][conjunction]=OR&filter[b][group][memberOf]=a', 400, 'filter[a]', 'group cycle')
    await refused(t, '/jsonapi/article?filter[g][group][conjunction]=XOR', 400, 'filter[g][group]')
    await refused(t, '/jsonapi/article?filter[@root][value]=x', 400, 'filter[@root]')
    await refused(t, '/jsonapi/article?filter[published][value]=yesterday&filter[published][operator]=>', 400, 'filter[published]', 'a value of the wrong type')
    await refused(t, '/jsonapi/article?sort=nope', 400, 'sort')
    await refused(t, '/jsonapi/article?sort=body', 400, 'sort', 'a field that does not sort')
    await refused(t, '/jsonapi/article?sort=tags.name', 400, 'sort', 'sorting through a to-many relationship')
    await refused(t, '/jsonapi/article?fields[article]=nope', 400, 'fields[article]')
    await refused(t, '/jsonapi/article?fields[nope]=title', 400, 'fields[nope]')
    await refused(t, '/jsonapi/article?include=nope', 400, 'include')
    await refused(t, '/jsonapi/article?include=title', 400, 'include', 'an attribute cannot be included')
    await refused(t, '/jsonapi/article?page[size]=3', 400, 'page[size]')
    await refused(t, '/jsonapi/article?page[limit]=0', 400, 'page[limit]')
    await refused(t, '/jsonapi/article?page[offset]=-1', 400, 'page[offset]')
    await refused(t, '/jsonapi/article?page[cursor]=bm90LWEtY3Vyc29y', 400, 'page[cursor]', 'a forged cursor')
    const proto = await site.get('/jsonapi/article?filter[__proto__][x]=1')
    expectErrors(t, proto, 400, 'prototype keys')
  })

  t.test('filtering or sorting on a field the caller may not view is 403 naming the parameter', async t => {
    await refused(t, '/jsonapi/author?filter[email]=ada@example.test', 403, 'filter[email]')
    await refused(t, '/jsonapi/article?filter[author.email][value]=ada&filter[author.email][operator]=STARTS_WITH', 403, 'filter[author.email]', 'through a relationship')
    await refused(t, '/jsonapi/author?sort=-email', 403, 'sort')
    const admin = expectDocument<ListDocument>(t, await site.get('/jsonapi/author?filter[email]=ada@example.test', { token: site.adminToken }), 200)
    t.equal(admin.data.length, 1, 'the administrator may')
  })

  t.test('IN takes at most 500 values', async t => {
    const ok = expectDocument<ListDocument>(t, await site.get(`/jsonapi/article?filter[t][condition][path]=title&filter[t][condition][operator]=IN&${TITLES(500)}`), 200, '500 values')
    t.same(ok.data, [])
    await refused(t, `/jsonapi/article?filter[t][condition][path]=title&filter[t][condition][operator]=IN&${TITLES(501)}`, 400, 'filter[t][condition]', '501 values')
  })

  t.test('include depth over the cap (3) is 400', async t => {
    expectDocument(t, await site.get('/jsonapi/node?include=parent.parent.parent'), 200, 'depth 3')
    await refused(t, '/jsonapi/node?include=parent.parent.parent.parent', 400, 'include', 'depth 4')
    expectDocument(t, await site.get('/jsonapi/article?include=author.uid'), 200, 'depth 2 through uid')
    await refused(t, '/jsonapi/article?include=uid.author', 400, 'include', 'users have no relationships')
  })

  t.test('page[limit] is clamped to the type cap and said in meta', async t => {
    const clamped = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?page[limit]=1000'), 200)
    t.same(clamped.meta?.limit, { requested: 1000, applied: 50 })
    t.equal(clamped.data.length, 7)
    for (let i = 0; i < 7; i++) await site.admin('POST', '/admin/api/content/node', { data: { type: 'node', attributes: { title: `n${i}`, status: true } } })
    const small = expectDocument<ListDocument>(t, await site.get('/jsonapi/node?page[limit]=6'), 200)
    t.equal(small.data.length, 5, 'the type cap of 5 applies')
    t.same(small.meta?.limit, { requested: 6, applied: 5 })
    const first = small.data[0]?.id ?? ''
    const selfRef = await site.admin('PATCH', `/admin/api/content/node/${first}`, { data: { type: 'node', id: first, relationships: { parent: { data: { type: 'node', id: first } } } } })
    t.equal(selfRef.statusCode, 200, 'a node may point to itself')
    const parent = expectDocument<{ data: { id: string } }>(t, await site.get(`/jsonapi/node/${first}/parent`), 200, 'a self-reference')
    t.equal(parent.data.id, first, 'the related resource may be the item itself')
    const under = expectDocument<ListDocument>(t, await site.get('/jsonapi/node?page[limit]=2'), 200)
    t.equal(under.meta, undefined, 'nothing to say under the cap')
    const users = expectDocument<ListDocument>(t, await site.get('/jsonapi/user?page[limit]=51'), 200)
    t.same(users.meta?.limit, { requested: 51, applied: 50 })
  })

  t.test('the opt-in total counts what the caller may see', async t => {
    const plain = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?page[limit]=2'), 200)
    t.equal(plain.meta, undefined, 'no count unless asked')
    const counted = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?page[limit]=2&page[total]=true'), 200)
    t.equal(counted.meta?.count, 7, 'hidden items are not counted')
    const filtered = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?filter[tags.name]=News&page[total]=true'), 200)
    t.equal(filtered.meta?.count, 2)
    const admin = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?page[total]=true', { token: site.adminToken }), 200)
    t.equal(admin.meta?.count, 8, 'the administrator sees the draft too')
  })
})
