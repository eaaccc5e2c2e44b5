// Optimistic concurrency: responses carry an ETag; a stale If-Match is 412 with nothing written, also when two writers race.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { CONTENT, bootContent, doc, expectDocument, expectErrors, type ItemDocument } from './helpers.js'

eachDatabase(t, 'If-Match: the current ETag writes, a stale one is 412', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType({ id: 'card', label: 'Card', fields: [{ name: 'title', type: 'string' }, { name: 'tags', type: 'string', cardinality: 'many' }] })
  const created = await app.jsonapi('POST', `${CONTENT}/card`, doc('card', { title: 'v1', tags: ['a'] }))
  const id = expectDocument<ItemDocument>(t, created, 201, 'create').data.id
  const url = `${CONTENT}/card/${id}`
  const first = created.headers.etag as string
  t.match(first, /^"[^"]+"$/, 'a strong ETag on create')
  t.equal((await app.jsonapi('GET', url)).headers.etag, first, 'GET answers the same ETag')
  const patch = (title: string, ifMatch?: string) =>
    app.jsonapi('PATCH', url, doc('card', { title, tags: [title] }, undefined, { id }), ifMatch === undefined ? {} : { 'if-match': ifMatch })

  const updated = await patch('v2', first)
  expectDocument<ItemDocument>(t, updated, 200, 'current If-Match')
  const second = updated.headers.etag as string
  t.not(second, first, 'a new ETag after the write')
  t.equal((await app.jsonapi('GET', url)).headers.etag, second)

  const before = await app.counts('card')
  for (const stale of [first, '"nonsense"', `W/${second}`]) {
    const refused = await patch('lost', stale)
    const [error] = expectErrors(t, refused, 412, `If-Match ${stale}`)
    t.equal(error?.source?.header, 'If-Match')
    t.strictSame(await app.counts('card'), before, 'nothing written')
  }
  t.match(expectDocument<ItemDocument>(t, await app.jsonapi('GET', url), 200, 'read').data.attributes, { title: 'v2', tags: ['v2'] }, 'values unchanged')
  expectErrors(t, await app.jsonapi('POST', `${url}/revisions/1/revert`, undefined, { 'if-match': first }), 412, 'revert with a stale ETag')
  expectErrors(t, await app.jsonapi('DELETE', url, undefined, { 'if-match': first }), 412, 'delete with a stale ETag')
  t.strictSame(await app.counts('card'), before, 'nothing written or deleted')

  expectDocument<ItemDocument>(t, await patch('v3', `"other", ${second}`), 200, 'a list of ETags with the current one')
  expectDocument<ItemDocument>(t, await patch('v4', '*'), 200, 'If-Match: *')
  expectDocument<ItemDocument>(t, await patch('v5'), 200, 'no If-Match: no precondition')
  const current = (await app.jsonapi('GET', url)).headers.etag as string
  t.equal((await app.jsonapi('DELETE', url, undefined, { 'if-match': current })).statusCode, 204, 'delete with the current ETag')
})

eachDatabase(t, 'two writers with the same ETag: one wins, the other is 412', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType({ id: 'card', label: 'Card', fields: [{ name: 'title', type: 'string' }] })
  const created = await app.jsonapi('POST', `${CONTENT}/card`, doc('card', { title: 'v1' }))
  const id = expectDocument<ItemDocument>(t, created, 201, 'create').data.id
  const etag = created.headers.etag as string
  const racers = ['left', 'right', 'middle'].map(title =>
    app.jsonapi('PATCH', `${CONTENT}/card/${id}`, doc('card', { title }, undefined, { id }), { 'if-match': etag }))
  const answers = await Promise.all(racers)
  t.same(answers.map(a => a.statusCode).sort(), [200, 412, 412], 'exactly one write succeeds')
  const winner = answers.find(a => a.statusCode === 200)?.json<ItemDocument>().data.attributes.title
  t.equal(expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${CONTENT}/card/${id}`), 200, 'read').data.attributes.title, winner, 'the winner is stored')
  const revisions = await app.jsonapi('GET', `${CONTENT}/card/${id}/revisions`)
  t.equal(revisions.json<{ data: unknown[] }>().data.length, 2, 'one revision for the create, one for the winner')
})
