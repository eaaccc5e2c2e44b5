// Field options through the admin API: required, default, numeric cardinality, and field view/edit permissions.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { CONTENT, bootContent, doc, expectDocument, expectErrors, pointers, type ItemDocument } from './helpers.js'

const TYPE = {
  id: 'ticket',
  label: 'Ticket',
  fields: [
    { name: 'title', type: 'string', required: true },
    { name: 'priority', type: 'enum', values: ['low', 'high'], required: true, default: 'low' },
    { name: 'labels', type: 'string', cardinality: 2, default: ['new'] },
    { name: 'score', type: 'integer', default: 0 },
    { name: 'secret', type: 'string', viewPermission: 'see secrets' },
    { name: 'locked', type: 'string', editPermission: 'edit locked' }
  ]
}

eachDatabase(t, 'required fields and defaults', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType(TYPE)
  const missing = expectErrors(t, await app.jsonapi('POST', `${CONTENT}/ticket`, doc('ticket', { score: 1 })), 422, 'required field missing')
  t.same(pointers(missing), ['/data/attributes/title'])
  t.same(pointers(expectErrors(t, await app.jsonapi('POST', `${CONTENT}/ticket`, doc('ticket', { title: null })), 422, 'required field null')), ['/data/attributes/title'])
  t.same(pointers(expectErrors(t, await app.jsonapi('POST', `${CONTENT}/ticket`, doc('ticket', { title: 't', priority: null })), 422, 'required field with a default set to null')), ['/data/attributes/priority'])

  const created = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/ticket`, doc('ticket', { title: 't' })), 201, 'defaults apply').data
  t.match(created.attributes, { title: 't', priority: 'low', labels: ['new'], score: 0, secret: null })
  const explicit = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/ticket`, doc('ticket', { title: 'u', priority: 'high', labels: [], score: null })), 201, 'explicit values win').data
  t.match(explicit.attributes, { priority: 'high', labels: [], score: null })

  const url = `${CONTENT}/ticket/${created.id}`
  const patched = expectDocument<ItemDocument>(t, await app.jsonapi('PATCH', url, doc('ticket', { score: 5 }, undefined, { id: created.id })), 200, 'partial update').data
  t.match(patched.attributes, { title: 't', priority: 'low', labels: ['new'], score: 5 }, 'members not sent keep their values')
  t.same(pointers(expectErrors(t, await app.jsonapi('PATCH', url, doc('ticket', { title: null }, undefined, { id: created.id })), 422, 'required set to null')), ['/data/attributes/title'])
  t.same(pointers(expectErrors(t, await app.jsonapi('PATCH', url, doc('ticket', { labels: ['a', 'b', 'c'] }, undefined, { id: created.id })), 422, 'over the cardinality')), ['/data/attributes/labels'])
})

eachDatabase(t, 'field view and edit permissions', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType(TYPE)
  const created = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/ticket`, doc('ticket', { title: 't', secret: 's3', locked: 'l' })), 201, 'admin sets every field').data
  await app.createUser(app.token, { email: 'ed@example.test', password: 'editor password 1', roles: ['editor'] })
  const editor = await app.login('ed@example.test', 'editor password 1')
  const asEditor = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    app.as(editor.accessToken, { method, url, ...(body ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/vnd.api+json' } } : {}) })
  const url = `${CONTENT}/ticket/${created.id}`

  const seen = expectDocument<ItemDocument>(t, await asEditor('GET', url), 200, 'editor reads').data
  t.notOk('secret' in seen.attributes, 'a field the caller may not view is absent')
  t.equal(seen.attributes.locked, 'l', 'other fields are there')
  const listed = await asEditor('GET', `${CONTENT}/ticket`)
  t.notOk('secret' in (expectDocument<{ data: ItemDocument['data'][] }>(t, listed, 200, 'editor lists').data[0]?.attributes ?? {}), 'absent from lists too')
  t.equal(expectErrors(t, await asEditor('GET', `${CONTENT}/ticket?filter[secret]=s3`), 403, 'filter on a hidden field')[0]?.source?.parameter, 'filter[secret]')
  t.equal(expectErrors(t, await asEditor('GET', `${CONTENT}/ticket?sort=secret`), 403, 'sort on a hidden field')[0]?.source?.parameter, 'sort')

  const before = await app.counts('ticket')
  const locked = expectErrors(t, await asEditor('PATCH', url, doc('ticket', { locked: 'changed' }, undefined, { id: created.id })), 403, 'edit a locked field')
  t.same(pointers(locked), ['/data/attributes/locked'])
  expectErrors(t, await asEditor('POST', `${CONTENT}/ticket`, doc('ticket', { title: 'x', locked: 'y' })), 403, 'create with a locked field')
  t.strictSame(await app.counts('ticket'), before, 'nothing written')
  expectDocument<ItemDocument>(t, await asEditor('PATCH', url, doc('ticket', { title: 'by editor' }, undefined, { id: created.id })), 200, 'other fields stay editable')
  t.match(expectDocument<ItemDocument>(t, await app.jsonapi('GET', url), 200, 'admin reads').data.attributes, { title: 'by editor', secret: 's3', locked: 'l' }, 'the hidden and locked values survive an editor save')
})
