// Reads planned once per request shape and loading only what the answer shows: sparse lists skip
// unrequested side tables and columns yet answer exactly what a full read would; plans are shared
// only by callers with the same access, and a changed content type is never served a stale plan.
import t from 'tap'
import { SYSTEM } from '../../../core/access/actor.js'
import { createContent } from '../../../core/content/operations/create.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, expectDocument, expectErrors, ids, type ListDocument, type Resource } from './helpers.js'

/** Asks for the request's SQL statement count (X-Sql-Statements). */
const COUNTED = { 'x-sql-statements': 'count' }
const statements = (response: { headers: Record<string, unknown> }) => Number(response.headers['x-sql-statements'])

/** `resource` cut down to a sparse fieldset, as the full read would answer it. */
function sparse (resource: Resource, names: string[]): Pick<Resource, 'attributes' | 'relationships'> {
  const pick = <T> (members: Record<string, T>) => Object.fromEntries(Object.entries(members).filter(([name]) => names.includes(name)))
  return { attributes: pick(resource.attributes), relationships: pick(resource.relationships) }
}

eachDatabase(t, 'read shapes', async (t, db) => {
  const site = await bootApi(t, db, { cache: { enabled: false } })
  const owner = await site.userWith('owner', ['access content', 'edit own article content'])
  const reviewer = await site.userWith('reviewer', ['access content', 'view unpublished article content', 'view author contact details'])
  const create = (type: string, attributes: Record<string, unknown>, relationships: Record<string, unknown> = {}) =>
    createContent(site.kernel, SYSTEM, type, { data: { type, attributes, relationships } })
  const author = await create('author', { name: 'Ada', email: 'ada@example.test', status: true })
  const hiddenAuthor = await create('author', { name: 'Hidden', status: false })
  const tag = await create('tag', { name: 'News', status: true })
  for (let i = 0; i < 6; i++) {
    await create('article', { title: `Article ${i}`, summary: `Summary ${i}`, body: '<p>Body</p>', published: '2024-02-29T12:30:00.123Z', status: i % 2 === 0 }, {
      uid: { data: i === 1 ? { type: 'user', id: owner.id } : null },
      author: { data: { type: 'author', id: i === 4 ? hiddenAuthor.id : author.id } },
      tags: { data: [{ type: 'tag', id: tag.id }] }
    })
  }

  t.test('a sparse list loads only what it shows and answers what the full list does', async t => {
    const full = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?sort=title'), 200)
    for (const fields of ['title,created', 'title,published,tags', 'author,changed,status,uid,summary']) {
      const names = fields.split(',')
      const response = await site.get(`/jsonapi/article?sort=title&fields[article]=${fields}`, { headers: COUNTED })
      const body = expectDocument<ListDocument>(t, response, 200, fields)
      t.same(body.data.map(r => ({ ...r, ...sparse(r, names) })), full.data.map(r => ({ ...r, ...sparse(r, names) })), `${fields}: the same members as the full list`)
      t.equal(statements(response), names.includes('tags') ? 2 : 1, `${fields}: the tags side table only when tags are asked for`)
    }
  })

  t.test('includes load what the include paths follow, even outside the sparse fieldset', async t => {
    const full = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?sort=title&include=author,tags'), 200)
    const body = expectDocument<ListDocument>(t, await site.get('/jsonapi/article?sort=title&fields[article]=title&include=author,tags&fields[author]=name'), 200)
    t.same(body.data.map(r => Object.keys(r.relationships)), body.data.map(() => []), 'no relationships outside the fieldset')
    t.same(body.included?.map(r => [r.type, r.id, r.attributes]), full.included?.map(r => [r.type, r.id, r.type === 'author' ? { name: r.attributes.name } : r.attributes]), 'the same included resources, sparse')
    t.notOk(body.included?.some(r => r.id === hiddenAuthor.id), 'hidden authors stay out')
  })

  t.test('a one-level to-one include is joined into the page statement and answers what the batched load does', async t => {
    for (const [query, token] of [['sort=title', null], ['sort=-title&fields[article]=title&fields[author]=name', null], ['sort=title&fields[article]=title,author', reviewer.token]] as const) {
      const joined = await site.get(`/jsonapi/article?${query}&include=author`, { token, headers: COUNTED })
      const batched = await site.get(`/jsonapi/article?${query}&include=author,uid`, { token, headers: COUNTED })
      const joinedBody = expectDocument<ListDocument>(t, joined, 200, query)
      const batchedBody = expectDocument<ListDocument>(t, batched, 200, query)
      // The fewest of two runs: the first may also refresh the role cache.
      const fewest = async (url: string) => Math.min(statements(await site.get(url, { token, headers: COUNTED })), statements(await site.get(url, { token, headers: COUNTED })))
      t.equal(await fewest(`/jsonapi/article?${query}&include=author`), await fewest(`/jsonapi/article?${query}`), `${query}: no statement for the authors`)
      t.same(joinedBody.data.map(r => r.id), batchedBody.data.map(r => r.id), `${query}: the same page`)
      t.same(joinedBody.included, batchedBody.included?.filter(r => r.type !== 'user'), `${query}: the same included authors, in the same order`)
      t.notOk(joinedBody.included?.some(r => r.id === hiddenAuthor.id), `${query}: the unpublished author stays hidden`)
      t.match(String(joined.headers['surrogate-key']), hiddenAuthor.id, `${query}: tagged with the hidden author it pointed at`)
    }
  })

  t.test('callers share a plan only when their access is the same', async t => {
    const url = '/jsonapi/article?sort=title&fields[article]=title'
    const anonymous = ids(expectDocument<ListDocument>(t, await site.get(url), 200))
    t.equal(anonymous.length, 3, 'anonymous: the published ones')
    t.equal(ids(expectDocument<ListDocument>(t, await site.get(url, { token: reviewer.token }), 200)).length, 6, 'reviewer: every one')
    t.equal(ids(expectDocument<ListDocument>(t, await site.get(url, { token: owner.token }), 200)).length, 4, 'owner: the published ones and their own draft')
    t.same(ids(expectDocument<ListDocument>(t, await site.get(url), 200)), anonymous, 'anonymous again: still the published ones')
    const filtered = '/jsonapi/article?filter[author.email]=ada@example.test&fields[article]=title'
    t.equal(expectDocument<ListDocument>(t, await site.get(filtered, { token: reviewer.token }), 200).data.length, 5, 'a permitted filter on a protected field')
    expectErrors(t, await site.get(filtered, { token: owner.token }), 403, 'the same URL for a caller without the permission')
  })

  t.test('a changed content type is not served a plan compiled for the old one', async t => {
    const created = await site.as(site.adminToken, { method: 'POST', url: '/admin/api/content-types', payload: { id: 'note', label: 'Note', fields: [{ name: 'title', type: 'string' }] } })
    t.equal(created.statusCode, 201, created.body)
    await create('note', { title: 'First', status: true })
    const url = '/jsonapi/note?sort=title'
    t.same(expectDocument<ListDocument>(t, await site.get(url), 200).data.map(r => r.attributes.title), ['First'])
    const changed = await site.as(site.adminToken, {
      method: 'PUT', url: '/admin/api/content-types/note', payload: { id: 'note', label: 'Note', fields: [{ name: 'title', type: 'string' }, { name: 'mood', type: 'string' }] }
    })
    t.equal(changed.statusCode, 200, changed.body)
    await create('note', { title: 'Second', mood: 'happy', status: true })
    t.same(expectDocument<ListDocument>(t, await site.get(url), 200).data.map(r => [r.attributes.title, r.attributes.mood]), [['First', null], ['Second', 'happy']], 'the same URL reads the new field')
    t.equal((await site.as(site.adminToken, { method: 'DELETE', url: '/admin/api/content-types/note?force=true' })).statusCode, 204)
    expectErrors(t, await site.get(url), 404, 'a removed type is gone, not served from a plan')
  })
})
