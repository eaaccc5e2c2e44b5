// The routes' documents: the index, one item, related resources, relationship linkage and users
// (public attributes only), with absolute links and jsonapi.version 1.1.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, expectDocument, expectErrors, type ListDocument, type Resource } from './helpers.js'
import { seedBlog } from './seed.js'

interface One { jsonapi: { version: string }, data: Resource | null, links: Record<string, string>, included?: Resource[], meta?: Record<string, unknown> }
interface Linkage { data: Array<{ type: string, id: string }> | { type: string, id: string } | null, links: Record<string, string> }

eachDatabase(t, 'content API resources', async (t, db) => {
  const site = await bootApi(t, db)
  const ids = await seedBlog(site.kernel)
  const base = 'http://localhost:80/jsonapi'

  t.test('index lists every resource type under meta', async t => {
    const body = expectDocument<One>(t, await site.get('/jsonapi'), 200)
    t.equal(body.jsonapi.version, '1.1')
    const types = body.meta?.resourceTypes as Record<string, { href: string }>
    t.same(Object.keys(types).sort(), ['article', 'author', 'tag', 'user'])
    t.equal(types.article?.href, `${base}/article`)
    t.equal(body.links.self, base)
    t.equal(body.links.describedby, 'http://localhost:80/openapi.json')
  })

  t.test('one item with relationship links', async t => {
    const body = expectDocument<One>(t, await site.get(`/jsonapi/article/${ids.a1}`), 200)
    const data = body.data as Resource
    t.equal(body.links.self, `${base}/article/${ids.a1}`)
    t.equal(data.links.self, `${base}/article/${ids.a1}`)
    t.same(data.relationships.author, {
      data: { type: 'author', id: ids.ada },
      links: { self: `${base}/article/${ids.a1}/relationships/author`, related: `${base}/article/${ids.a1}/author` }
    })
    t.same(Object.keys(data.relationships).sort(), ['author', 'tags', 'uid'])
    t.equal(data.attributes.title, 'Alpha engines')
  })

  t.test('field view permissions hide attributes', async t => {
    const anonymous = expectDocument<One>(t, await site.get(`/jsonapi/author/${ids.ada}`), 200)
    t.notOk('email' in (anonymous.data?.attributes ?? {}), 'anonymous: no email')
    const admin = expectDocument<One>(t, await site.get(`/jsonapi/author/${ids.ada}`, { token: site.adminToken }), 200)
    t.equal(admin.data?.attributes.email, 'ada@example.test', 'administrator: email')
  })

  t.test('related resources leave hidden ones out', async t => {
    const author = expectDocument<One>(t, await site.get(`/jsonapi/article/${ids.a1}/author`), 200)
    t.equal(author.data?.id, ids.ada)
    t.equal(author.links.self, `${base}/article/${ids.a1}/author`)
    const hidden = expectDocument<One>(t, await site.get(`/jsonapi/article/${ids.a2}/author`), 200)
    t.equal(hidden.data, null, 'a hidden to-one target is null')
    const tags = expectDocument<ListDocument>(t, await site.get(`/jsonapi/article/${ids.a3}/tags?include=uid&fields[tag]=name`), 200)
    t.same(tags.data.map(r => r.id), [ids.news, ids.release], 'in field order')
    t.same(Object.keys(tags.data[0]?.attributes ?? {}), ['name'], 'sparse fieldset')
    const secret = expectDocument<ListDocument>(t, await site.get(`/jsonapi/article/${ids.a5}/tags`), 200)
    t.same(secret.data, [], 'a hidden to-many target is left out')
    expectErrors(t, await site.get(`/jsonapi/article/${ids.a4}/tags`), 404, 'related of a hidden item')
  })

  t.test('relationship linkage', async t => {
    const body = expectDocument<Linkage>(t, await site.get(`/jsonapi/article/${ids.a3}/relationships/tags`), 200)
    t.same(body.data, [{ type: 'tag', id: ids.news }, { type: 'tag', id: ids.release }])
    t.same(body.links, { self: `${base}/article/${ids.a3}/relationships/tags`, related: `${base}/article/${ids.a3}/tags` })
    const one = expectDocument<Linkage>(t, await site.get(`/jsonapi/article/${ids.a6}/relationships/author`), 200)
    t.equal(one.data, null, 'an empty to-one')
  })

  t.test('users: public attributes only', async t => {
    const editor = await site.userWith('editor_one', ['access content'])
    const list = expectDocument<ListDocument>(t, await site.get('/jsonapi/user?sort=-display_name'), 200)
    t.same(list.data.map(u => u.attributes.display_name), ['editor_one', 'Administrator'])
    for (const user of list.data) t.same(Object.keys(user.attributes), ['display_name'], 'no email, hash, status or roles')
    t.notMatch(JSON.stringify(list), /@example\.test|argon|\$2|scrypt/, 'no email or password hash anywhere')
    const one = expectDocument<One>(t, await site.get(`/jsonapi/user/${editor.id}`), 200)
    t.equal(one.data?.attributes.display_name, 'editor_one')
    expectErrors(t, await site.get('/jsonapi/user?filter[email]=x'), 400, 'users cannot be filtered')
    expectErrors(t, await site.get('/jsonapi/user?fields[user]=email'), 400, 'email is not a user field')
    const blocked = await site.as(site.adminToken, { method: 'PATCH', url: `/admin/api/users/${editor.id}`, payload: { status: 'blocked' } })
    t.equal(blocked.statusCode, 200, 'blocked through the admin API')
    expectErrors(t, await site.get(`/jsonapi/user/${editor.id}`), 404, 'a blocked user is not shown')
  })

  t.test('uid relationship and include', async t => {
    const writer = await site.userWith('writer', ['access content'])
    const created = await site.admin('POST', '/admin/api/content/article', {
      data: { type: 'article', attributes: { title: 'By a writer', status: true }, relationships: { uid: { data: { type: 'user', id: writer.id } } } }
    })
    t.equal(created.statusCode, 201, created.body)
    const id = created.json<{ data: { id: string } }>().data.id
    const body = expectDocument<One>(t, await site.get(`/jsonapi/article/${id}?include=uid`), 200)
    t.same(body.included?.map(r => [r.type, r.id, r.attributes]), [['user', writer.id, { display_name: 'writer' }]])
    const related = expectDocument<One>(t, await site.get(`/jsonapi/article/${id}/uid`), 200)
    t.equal(related.data?.id, writer.id)
  })
})
