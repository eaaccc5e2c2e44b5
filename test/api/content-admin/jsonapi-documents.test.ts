// Every admin content response, success and error, is a JSON:API 1.1 document valid against the official schema, with the JSON:API media type.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { CONTENT, JSONAPI, bootContent, doc, expectDocument, expectErrors, type ItemDocument, type ListDocument } from './helpers.js'

eachDatabase(t, 'success documents of every admin content route are schema-valid', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType({ id: 'person', label: 'Person', fields: [{ name: 'name', type: 'string' }] })
  await app.createType({
    id: 'entry',
    label: 'Entry',
    fields: [
      { name: 'title', type: 'string' }, { name: 'body', type: 'richtext' }, { name: 'extra', type: 'json' },
      { name: 'by', type: 'reference', target: ['person'] }, { name: 'team', type: 'reference', target: ['person'], cardinality: 'many' }
    ]
  })
  expectDocument<ListDocument>(t, await app.jsonapi('GET', `${CONTENT}/entry`), 200, 'empty list')
  const person = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/person`, doc('person', { name: 'Ada' })), 201, 'create person').data
  const ref = { type: 'person', id: person.id }
  const ids: string[] = []
  for (const n of [1, 2, 3]) {
    const created = await app.jsonapi('POST', `${CONTENT}/entry`, doc('entry', { title: `entry ${n}`, body: '<p>x</p>', extra: { n, list: [n] } }, { by: { data: ref }, team: { data: [ref] } }))
    const body = expectDocument<ItemDocument>(t, created, 201, `create entry ${n}`)
    t.equal(created.headers.location, body.data.links.self, 'Location is the new resource')
    ids.push(body.data.id)
  }
  const url = `${CONTENT}/entry/${ids[0] as string}`
  const first = expectDocument<ItemDocument>(t, await app.jsonapi('GET', url), 200, 'item')
  t.same(first.data.relationships.team, { data: [ref] }, 'to-many relationship as resource identifiers')

  const page1 = expectDocument<ListDocument>(t, await app.jsonapi('GET', `${CONTENT}/entry?page[limit]=1&page[total]=true&sort=-title`), 200, 'first page')
  t.ok(page1.links.next, 'a next link')
  t.equal(page1.meta?.count, 3, 'opt-in total')
  const page2 = expectDocument<ListDocument>(t, await app.jsonapi('GET', page1.links.next?.replace('http://localhost:80', '') as string), 200, 'next page')
  t.ok(page2.links.prev, 'a prev link')
  const cursor = expectDocument<ListDocument>(t, await app.jsonapi('GET', `${CONTENT}/entry?page[limit]=2&page[cursor]=`), 200, 'cursor page')
  t.ok(cursor.links.next, 'a cursor next link')
  expectDocument<ListDocument>(t, await app.jsonapi('GET', `${CONTENT}/entry?fields[entry]=title,by&filter[title][value]=entry 2`), 200, 'sparse fieldset and filter')
  expectDocument<ListDocument>(t, await app.jsonapi('GET', `${CONTENT}/entry?page[limit]=1000`), 200, 'clamped limit')

  expectDocument<ItemDocument>(t, await app.jsonapi('PATCH', url, doc('entry', { title: 'changed' }, { team: { data: [] } }, { id: ids[0] })), 200, 'update')
  expectDocument(t, await app.jsonapi('GET', `${url}/revisions`), 200, 'revision list')
  expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${url}/revisions/1`), 200, 'one revision')
  expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${url}?resourceVersion=rel:latest-version`), 200, 'latest version')
  expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${url}/revisions/1/revert`), 200, 'revert')
  const deleted = await app.jsonapi('DELETE', `${CONTENT}/entry/${ids[2] as string}`)
  t.equal(deleted.statusCode, 204, 'delete')
  t.equal(deleted.body, '', 'no body on 204')
})

eachDatabase(t, 'error documents of the admin content routes are schema-valid', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType({ id: 'entry', label: 'Entry', fields: [{ name: 'title', type: 'string', required: true }] })
  const id = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/entry`, doc('entry', { title: 'a' })), 201, 'create').data.id
  await app.createUser(app.token, { email: 'reader@example.test', password: 'reader password 1', roles: [] })
  const reader = await app.login('reader@example.test', 'reader password 1')
  const asReader = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    app.as(reader.accessToken, { method, url, ...(body ? { payload: JSON.stringify(body), headers: { 'content-type': JSONAPI } } : {}) })

  expectErrors(t, await app.app.inject({ method: 'GET', url: `${CONTENT}/entry` }), 401, 'anonymous')
  expectErrors(t, await app.app.inject({ method: 'GET', url: `${CONTENT}/entry`, headers: { authorization: 'Bearer nonsense' } }), 401, 'bad token')
  expectErrors(t, await asReader('POST', `${CONTENT}/entry`, doc('entry', { title: 'b' })), 403, 'no create permission')
  expectErrors(t, await asReader('GET', `${CONTENT}/entry/${id}`), 404, 'unpublished item hidden from a reader')
  expectErrors(t, await app.jsonapi('GET', `${CONTENT}/nosuch`), 404, 'unknown type')
  expectErrors(t, await app.jsonapi('PUT', `${CONTENT}/entry/${id}`, doc('entry', {}, undefined, { id })), 404, 'unsupported method')
  const missing = expectErrors(t, await app.jsonapi('POST', `${CONTENT}/entry`, doc('entry', { nope: 1 })), 422, 'several violations')
  t.same(missing.map(e => e.source?.pointer).sort(), ['/data/attributes/nope', '/data/attributes/title'], 'one error object per violation')
  expectErrors(t, await app.jsonapi('GET', `${CONTENT}/entry`, undefined, { accept: 'text/html' }), 406, 'not acceptable')
  expectErrors(t, await app.jsonapi('PATCH', `${CONTENT}/entry/${id}`, doc('entry', { title: 'c' }, undefined, { id }), { 'if-match': '"stale"' }), 412, 'precondition failed')
})
