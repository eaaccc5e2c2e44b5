// Revisions: every save writes one (author, time, log); list, fetch and revert (a new revision with the old values); types without revisions write none.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { CONTENT, bootContent, doc, expectDocument, expectErrors, type ContentApp, type ItemDocument, type Resource } from './helpers.js'

interface RevisionDocument { data: Resource[], links: { self: string } }

const story = { id: 'story', label: 'Story', fields: [{ name: 'title', type: 'string' }, { name: 'tags', type: 'string', cardinality: 'many' }, { name: 'due', type: 'datetime' }] }

async function userId (app: ContentApp, token: string): Promise<string> {
  return (await app.as(token, { method: 'GET', url: '/admin/api/auth/me' })).json<{ data: { id: string } }>().data.id
}

eachDatabase(t, 'every save writes a revision that can be listed, read and reverted to', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType(story)
  const adminId = await userId(app, app.token)
  await app.createUser(app.token, { email: 'ed@example.test', password: 'editor password 1', roles: ['editor'] })
  const editor = await app.login('ed@example.test', 'editor password 1')
  const editorId = await userId(app, editor.accessToken)

  const started = Date.now()
  const created = await app.jsonapi('POST', `${CONTENT}/story`, doc('story', { title: 'first', tags: ['a', 'b'], due: '2024-05-01T12:00:00+02:00' }, undefined, { meta: { revision_log: 'first draft 😀' } }))
  const item = expectDocument<ItemDocument>(t, created, 201, 'create').data
  t.match(item.meta, { revision: 1, defaultRevision: 1, latestRevision: 1 })
  const url = `${CONTENT}/story/${item.id}`

  const second = await app.jsonapi('PATCH', url, doc('story', { title: 'second' }, undefined, { id: item.id, meta: { revision_log: 'fix the title' } }))
  t.match(expectDocument<ItemDocument>(t, second, 200, 'update').data, { attributes: { title: 'second', tags: ['a', 'b'] }, meta: { revision: 2 } })
  const third = await app.as(editor.accessToken, {
    method: 'PATCH', url, headers: { 'content-type': 'application/vnd.api+json' }, payload: JSON.stringify(doc('story', { tags: ['c'], due: null }, undefined, { id: item.id }))
  })
  t.match(expectDocument<ItemDocument>(t, third, 200, 'update by the editor').data, { attributes: { title: 'second', tags: ['c'], due: null }, meta: { revision: 3 } })
  const finished = Date.now()

  const listed = expectDocument<RevisionDocument>(t, await app.jsonapi('GET', `${url}/revisions`), 200, 'list revisions')
  t.same(listed.data.map(r => r.id), ['3', '2', '1'], 'newest first')
  t.same(listed.data.map(r => r.attributes.log), [null, 'fix the title', 'first draft 😀'], 'log messages')
  t.same(listed.data.map(r => (r.relationships.uid?.data as { id: string }).id), [editorId, adminId, adminId], 'authors')
  t.same(listed.data.map(r => r.attributes.default), [true, false, false], 'the default revision is marked')
  for (const revision of listed.data) {
    const at = Date.parse(String(revision.attributes.created))
    t.match(revision.attributes.created, /Z$/, 'revision time in UTC')
    t.ok(at >= started - 1000 && at <= finished + 1000, `revision ${revision.id} time is the save time`)
    t.equal(revision.links.self, `http://localhost:80${url}/revisions/${revision.id}`)
  }

  const old = expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${url}/revisions/1`), 200, 'revision 1')
  t.strictSame(old.data.attributes.title, 'first', 'old values')
  t.strictSame(old.data.attributes.tags, ['a', 'b'], 'old multi-valued values')
  t.strictSame(old.data.attributes.due, '2024-05-01T10:00:00.000Z', 'old datetime, UTC')
  t.match(old.data.meta, { revision: 1, defaultRevision: 3 })
  const byVersion = expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${url}?resourceVersion=id:2`), 200, 'resourceVersion=id:2')
  t.match(byVersion.data, { attributes: { title: 'second', tags: ['a', 'b'] }, meta: { revision: 2 } })
  for (const bad of ['999', 'abc', '0', '-1', '1.5']) expectErrors(t, await app.jsonapi('GET', `${url}/revisions/${bad}`), 404, `revision ${bad}`)
  expectErrors(t, await app.jsonapi('GET', `${url}?resourceVersion=id:x`), 400, 'bad resourceVersion')
  expectErrors(t, await app.jsonapi('GET', `${CONTENT}/story/01890000-0000-7000-8000-000000000000/revisions`), 404, 'unknown item')

  const before = await app.counts('story')
  const reverted = await app.jsonapi('POST', `${url}/revisions/1/revert`)
  const revert = expectDocument<ItemDocument>(t, reverted, 200, 'revert to 1').data
  t.match(revert, { attributes: { title: 'first', tags: ['a', 'b'], due: '2024-05-01T10:00:00.000Z' }, meta: { revision: 4, defaultRevision: 4 } })
  const after = await app.counts('story')
  t.equal(after[app.kernel.contentTypes.require('story').revisionTable], (before[app.kernel.contentTypes.require('story').revisionTable] ?? 0) + 1, 'one new revision row')
  const current = expectDocument<ItemDocument>(t, await app.jsonapi('GET', url), 200, 'read after revert')
  t.match(current.data.attributes, { title: 'first', tags: ['a', 'b'] }, 'the item has the old values again')
  const relisted = expectDocument<RevisionDocument>(t, await app.jsonapi('GET', `${url}/revisions`), 200, 'list after revert')
  t.same(relisted.data.map(r => r.id), ['4', '3', '2', '1'], 'history kept, a new revision on top')
  t.match(relisted.data[0]?.attributes.log, /revision 1/, 'the revert is logged')
  t.same((relisted.data[0]?.relationships.uid?.data as { id: string }).id, adminId, 'by whoever reverted')
  t.match(expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${url}/revisions/3`), 200, 'revision 3').data.attributes, { title: 'second', tags: ['c'] }, 'later revisions untouched')
  expectErrors(t, await app.jsonapi('POST', `${url}/revisions/999/revert`), 404, 'revert to an unknown revision')
  t.strictSame(await app.counts('story'), after, 'nothing written by the failed revert')
})

eachDatabase(t, 'a type without revisions writes none', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType({ ...story, id: 'memo', label: 'Memo', revisions: false })
  const created = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/memo`, doc('memo', { title: 'a', tags: ['x'] }, undefined, { meta: { revision_log: 'ignored' } })), 201, 'create')
  const url = `${CONTENT}/memo/${created.data.id}`
  t.match(created.data.meta, { revision: null })
  expectDocument<ItemDocument>(t, await app.jsonapi('PATCH', url, doc('memo', { title: 'b' }, undefined, { id: created.data.id })), 200, 'update')
  const revisionTable = app.kernel.contentTypes.require('memo').revisionTable
  t.equal((await app.counts('memo'))[revisionTable], 0, 'the revision table stays empty')
  t.same(expectDocument<RevisionDocument>(t, await app.jsonapi('GET', `${url}/revisions`), 200, 'list').data, [], 'no revisions listed')
  expectErrors(t, await app.jsonapi('POST', `${url}/revisions/1/revert`), 404, 'nothing to revert to')
  t.match(expectDocument<ItemDocument>(t, await app.jsonapi('GET', url), 200, 'read').data.attributes, { title: 'b', tags: ['x'] })
})
