// Schema sync through PUT /admin/api/content-types/{id}: add and widen fields; data-losing changes are 409 with nothing changed, unless forced.
import t, { type Test } from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import {
  CONTENT, TYPES, bootContent, columnTypes, doc, expectDocument, expectErrors, indexes, tableExists, type ContentApp, type ItemDocument
} from './helpers.js'

interface Field { name: string, type: string, [setting: string]: unknown }

const base: Field[] = [
  { name: 'title', type: 'string', maxLength: 10 },
  { name: 'summary', type: 'string', maxLength: 20 },
  { name: 'body', type: 'text' }
]

const definition = (fields: Field[]) => ({ id: 'page', label: 'Page', fields })

async function put (app: ContentApp, fields: Field[], query = '') {
  return app.request('PUT', `${TYPES}/page${query}`, definition(fields))
}

async function create (t: Test, app: ContentApp, attributes: Record<string, unknown>): Promise<string> {
  return expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/page`, doc('page', attributes)), 201, 'create page').data.id
}

async function read (t: Test, app: ContentApp, id: string): Promise<Record<string, unknown>> {
  return expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${CONTENT}/page/${id}`), 200, 'read page').data.attributes
}

/** What must not move when a change is refused: the stored definition, the columns of both tables. */
async function snapshot (app: ContentApp) {
  const type = app.kernel.contentTypes.require('page')
  const stored = (await app.request('GET', `${TYPES}/page`)).json<{ data: unknown }>().data
  return {
    stored,
    items: await columnTypes(app.kernel, type.table),
    revisions: await columnTypes(app.kernel, type.revisionTable),
    indexes: await indexes(app.kernel, type.table),
    newSideTable: await tableExists(app.kernel, 'ct_page__more')
  }
}

eachDatabase(t, 'adding and widening fields alters the tables', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType(definition(base))
  const id = await create(t, app, { title: 'abcdefghij', summary: 's', body: 'b' })
  const type = () => app.kernel.contentTypes.require('page')

  const added = await put(app, [...base, { name: 'rating', type: 'integer' }])
  t.equal(added.statusCode, 200, 'add a field')
  t.equal((await columnTypes(app.kernel, type().table)).rating !== undefined, true, 'item table has the column')
  t.equal((await columnTypes(app.kernel, type().revisionTable)).rating !== undefined, true, 'revision table has the column')
  t.equal((await read(t, app, id)).rating, null, 'existing items read the new field as null')
  t.equal((await read(t, app, await create(t, app, { title: 'rated', rating: 5 }))).rating, 5, 'the new field stores values')

  const widened = await put(app, [{ name: 'title', type: 'string', maxLength: 50 }, ...base.slice(1), { name: 'rating', type: 'integer' }])
  t.equal(widened.statusCode, 200, 'widen a string')
  if (db.dialect === 'mysql') t.equal((await columnTypes(app.kernel, type().table)).title, 'varchar(50)', 'the column is wider')
  const long = 'x'.repeat(50)
  t.equal((await read(t, app, await create(t, app, { title: long }))).title, long, 'a 50-character title fits')
  t.equal((await read(t, app, id)).title, 'abcdefghij', 'existing values kept')
  const tooLong = await app.jsonapi('POST', `${CONTENT}/page`, doc('page', { title: 'x'.repeat(51) }))
  t.same(expectErrors(t, tooLong, 422, 'over the new length').map(e => e.source?.pointer), ['/data/attributes/title'])

  const multi = await put(app, [...base, { name: 'tags', type: 'string', cardinality: 'many' }])
  t.equal(multi.statusCode, 409, 'dropping rating (with a value) is refused even when another field is added')
  const withTags = await put(app, [{ name: 'title', type: 'string', maxLength: 50 }, ...base.slice(1), { name: 'rating', type: 'integer' }, { name: 'tags', type: 'string', cardinality: 'many' }])
  t.equal(withTags.statusCode, 200, 'add a multi-valued field')
  const side = app.kernel.contentTypes.require('page').fields.get('tags')?.sideTable as string
  t.ok(await tableExists(app.kernel, side), 'its side table exists')
  t.same((await read(t, app, await create(t, app, { title: 'tagged', tags: ['a', 'b'] }))).tags, ['a', 'b'])
})

eachDatabase(t, 'data-losing changes are refused with 409 and change nothing', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType(definition([...base, { name: 'tags', type: 'string', cardinality: 'many' }]))
  const fields = () => [...base, { name: 'tags', type: 'string', cardinality: 'many' }]
  const id = await create(t, app, { title: 'abcdefghij', summary: 'twelve chars', body: 'body text', tags: ['x'] })
  const before = await snapshot(app)
  const counts = await app.counts('page')

  const refusals: Array<[string, Field[]]> = [
    ['narrowing a string below existing values', fields().map(f => f.name === 'title' ? { ...f, maxLength: 5 } : f)],
    ['dropping a field with values', fields().filter(f => f.name !== 'body')],
    ['dropping a multi-valued field with values', fields().filter(f => f.name !== 'tags')],
    ['changing the type of a field with values', fields().map(f => f.name === 'body' ? { name: 'body', type: 'integer' } : f)],
    ['making a field multi-valued', fields().map(f => f.name === 'summary' ? { ...f, cardinality: 'many' } : f)],
    // The widening of summary comes first in field order: it must not happen either.
    ['widening one field while dropping another with values', fields().map(f => f.name === 'summary' ? { ...f, maxLength: 40 } : f).filter(f => f.name !== 'body')],
    ['adding fields while dropping one with values', [...fields().filter(f => f.name !== 'body'),
      { name: 'extra', type: 'string', indexed: true }, { name: 'more', type: 'string', cardinality: 'many' }]]
  ]
  for (const [label, changed] of refusals) {
    const response = await put(app, changed)
    t.equal(response.statusCode, 409, label)
    t.match(response.json(), { errors: [{ status: '409', code: 'CONFLICT', detail: /force/ }] }, `${label}: says how to proceed`)
    t.strictSame(await snapshot(app), before, `${label}: definition and columns unchanged`)
    t.strictSame(await app.counts('page'), counts, `${label}: rows unchanged`)
    t.match(await read(t, app, id), { title: 'abcdefghij', summary: 'twelve chars', body: 'body text', tags: ['x'] }, `${label}: values unchanged`)
  }
  const sideTable = app.kernel.contentTypes.require('page').fields.get('tags')?.sideTable as string

  const narrowed = await put(app, fields().map(f => f.name === 'title' ? { ...f, maxLength: 5 } : f), '?force=true')
  t.equal(narrowed.statusCode, 200, 'forced narrowing')
  t.equal((await read(t, app, id)).title, 'abcde', 'values are cut to the new length')
  if (db.dialect === 'mysql') t.equal((await columnTypes(app.kernel, app.kernel.contentTypes.require('page').table)).title, 'varchar(5)')

  const dropped = await put(app, fields().map(f => f.name === 'title' ? { ...f, maxLength: 5 } : f).filter(f => f.name !== 'body' && f.name !== 'tags'), '?force=true')
  t.equal(dropped.statusCode, 200, 'forced drop')
  const type = app.kernel.contentTypes.require('page')
  t.notOk('body' in await columnTypes(app.kernel, type.table), 'column gone from the item table')
  t.notOk('body' in await columnTypes(app.kernel, type.revisionTable), 'column gone from the revision table')
  t.notOk(await tableExists(app.kernel, sideTable), 'side table gone')
  const after = await read(t, app, id)
  t.notOk('body' in after, 'the item no longer has the field')
  t.equal(after.summary, 'twelve chars', 'other values kept')

  const retyped = await put(app, [{ name: 'title', type: 'string', maxLength: 5 }, { name: 'summary', type: 'integer' }], '?force=true')
  t.equal(retyped.statusCode, 200, 'forced type change')
  t.equal((await read(t, app, id)).summary, null, 'the retyped field starts empty')
  t.equal((await read(t, app, await create(t, app, { summary: 7 }))).summary, 7, 'and takes values of its new type')

  t.equal((await put(app, [{ name: 'title', type: 'string', maxLength: 5 }, { name: 'summary', type: 'integer' }, { name: 'empty', type: 'string' }])).statusCode, 200)
  t.equal((await put(app, [{ name: 'title', type: 'string', maxLength: 5 }, { name: 'summary', type: 'integer' }])).statusCode, 200, 'dropping a field without values needs no force')
  t.equal((await app.request('PUT', `${TYPES}/page?force=yes`, definition(base))).statusCode, 400, 'force must be true or false')
})

eachDatabase(t, 'decimal changes that would misread stored values are refused unless forced', async (t, db) => {
  const app = await bootContent(t, db)
  const price = (settings: Record<string, unknown>) => ({ id: 'product', label: 'Product', fields: [{ name: 'price', type: 'decimal', ...settings }] })
  await app.createType(price({ precision: 10, scale: 2 }))
  const created = await app.jsonapi('POST', `${CONTENT}/product`, doc('product', { price: '12.5' }))
  const id = expectDocument<ItemDocument>(t, created, 201, 'create').data.id
  const priceOf = async (itemId: string) => expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${CONTENT}/product/${itemId}`), 200, 'read').data.attributes.price

  t.equal((await app.request('PUT', `${TYPES}/product`, price({ precision: 10, scale: 3 }))).statusCode, 409, 'rescaling')
  t.equal(await priceOf(id), '12.50', 'value unchanged')
  t.equal((await app.request('PUT', `${TYPES}/product`, price({ precision: 6, scale: 2 }))).statusCode, 409, 'fewer integer digits')
  t.equal(await priceOf(id), '12.50', 'value unchanged')

  t.equal((await app.request('PUT', `${TYPES}/product`, price({ precision: 12, scale: 2 }))).statusCode, 200, 'more integer digits is a widening')
  t.equal(await priceOf(id), '12.50', 'value kept')
  const big = await app.jsonapi('POST', `${CONTENT}/product`, doc('product', { price: '9999999999.99' }))
  t.equal(await priceOf(expectDocument<ItemDocument>(t, big, 201, 'wider value').data.id), '9999999999.99', 'the wider value round-trips')

  t.equal((await app.request('PUT', `${TYPES}/product?force=true`, price({ precision: 12, scale: 3 }))).statusCode, 200, 'forced rescale')
  t.equal(await priceOf(id), null, 'a rebuilt field starts empty rather than misread')
  const fine = await app.jsonapi('POST', `${CONTENT}/product`, doc('product', { price: '1.234' }))
  t.equal(await priceOf(expectDocument<ItemDocument>(t, fine, 201, 'new scale').data.id), '1.234', 'the new scale round-trips')
})

eachDatabase(t, 'a reference losing a target type while it has values is refused unless forced', async (t, db) => {
  const app = await bootContent(t, db)
  for (const id of ['a', 'b']) await app.createType({ id, label: id.toUpperCase(), fields: [{ name: 'title', type: 'string' }] })
  const post = (target: string[]) => ({ id: 'post', label: 'Post', fields: [{ name: 'ref', type: 'reference', target }, { name: 'refs', type: 'reference', target, cardinality: 'many' }] })
  await app.createType(post(['a']))
  const a1 = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/a`, doc('a', { title: 'a1' })), 201, 'a1').data.id
  const ref = { type: 'a', id: a1 }
  const created = await app.jsonapi('POST', `${CONTENT}/post`, doc('post', {}, { ref: { data: ref }, refs: { data: [ref] } }))
  const id = expectDocument<ItemDocument>(t, created, 201, 'post').data.id
  const relationships = async () => {
    const { data } = expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${CONTENT}/post/${id}`), 200, 'read')
    return { ref: data.relationships.ref?.data, refs: data.relationships.refs?.data }
  }

  const refused = await app.request('PUT', `${TYPES}/post`, post(['b']))
  t.equal(refused.statusCode, 409, 'retargeting would make a1 read as a b')
  t.match(refused.json(), { errors: [{ detail: /target/ }] })
  t.strictSame(await relationships(), { ref, refs: [ref] }, 'references unchanged')
  t.match((await app.request('GET', `${TYPES}/post`)).json(), { data: { fields: [{ target: ['a'] }, { target: ['a'] }] } }, 'definition unchanged')

  t.equal((await app.request('PUT', `${TYPES}/post?force=true`, post(['b']))).statusCode, 200, 'forced')
  t.strictSame(await relationships(), { ref: null, refs: [] }, 'the old references are dropped, never misread')
  t.equal((await app.request('PUT', `${TYPES}/post`, post(['a']))).statusCode, 200, 'retargeting an empty field needs no force')
})
