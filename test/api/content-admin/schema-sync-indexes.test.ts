// Schema sync and indexes: indexed, unique and reference fields are indexed in the database; indexes follow definition changes.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { CONTENT, TYPES, bootContent, doc, expectDocument, expectErrors, indexes, type ItemDocument } from './helpers.js'

const fields = [
  { name: 'code', type: 'string', maxLength: 40, indexed: true },
  { name: 'slug', type: 'slug' },
  { name: 'isbn', type: 'string', maxLength: 20, unique: true },
  { name: 'parent', type: 'reference', target: ['book'] },
  { name: 'rating', type: 'integer' },
  { name: 'tags', type: 'string', cardinality: 'many', indexed: true }
]

eachDatabase(t, 'indexes exist for indexed, unique and reference fields and follow changes', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType({ id: 'book', label: 'Book', fields })
  const table = app.kernel.contentTypes.require('book').table
  const found = await indexes(app.kernel, table)
  t.equal(found[`${table}_code_idx`], false, 'indexed field: a plain index')
  t.equal(found[`${table}_slug_uniq`], true, 'slug: a unique index')
  t.equal(found[`${table}_isbn_uniq`], true, 'unique field: a unique index')
  t.equal(found[`${table}_parent_idx`], false, 'reference: an index')
  t.notOk(Object.keys(found).some(name => name.includes('rating')), 'no index for a plain field')
  const side = app.kernel.contentTypes.require('book').fields.get('tags')?.sideTable as string
  t.equal((await indexes(app.kernel, side))[`${side}_value_idx`], false, 'indexed multi-valued field: its side table values are indexed')

  const changed = fields.map(f => f.name === 'code' ? { ...f, indexed: false } : f.name === 'rating' ? { ...f, indexed: true } : f)
  const put = await app.request('PUT', `${TYPES}/book`, { id: 'book', label: 'Book', fields: [...changed, { name: 'year', type: 'integer', indexed: true }] })
  t.equal(put.statusCode, 200, 'index flags changed, an indexed field added')
  const after = await indexes(app.kernel, table)
  t.notOk(`${table}_code_idx` in after, 'index dropped when the field is no longer indexed')
  t.equal(after[`${table}_rating_idx`], false, 'index added when a field becomes indexed')
  t.equal(after[`${table}_year_idx`], false, 'a new indexed field is indexed')
  t.equal(after[`${table}_isbn_uniq`], true, 'untouched indexes stay')
})

eachDatabase(t, 'making a field unique while it holds duplicates is refused and changes nothing', async (t, db) => {
  const app = await bootContent(t, db)
  const definition = (unique: boolean) => ({ id: 'book', label: 'Book', fields: [{ name: 'code', type: 'string', unique }] })
  await app.createType(definition(false))
  for (const n of [1, 2]) expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/book`, doc('book', { code: 'same' })), 201, `duplicate ${n}`)
  const table = app.kernel.contentTypes.require('book').table
  const before = await indexes(app.kernel, table)
  const response = await app.request('PUT', `${TYPES}/book`, definition(true))
  t.equal(response.statusCode, 409, 'duplicates block the unique index')
  t.match(response.json(), { errors: [{ code: 'CONFLICT', detail: /code/ }] }, 'names the field')
  t.strictSame(await indexes(app.kernel, table), before, 'no index added')
  t.match((await app.request('GET', `${TYPES}/book`)).json(), { data: { fields: [{ name: 'code', unique: false }] } }, 'definition unchanged')
  expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/book`, doc('book', { code: 'same' })), 201, 'still not unique')

  await app.kernel.db.knex(table).delete()
  t.equal((await app.request('PUT', `${TYPES}/book`, definition(true))).statusCode, 200, 'without duplicates it becomes unique')
  expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/book`, doc('book', { code: 'one' })), 201, 'first')
  const clash = await app.jsonapi('POST', `${CONTENT}/book`, doc('book', { code: 'one' }))
  t.same(expectErrors(t, clash, 422, 'second').map(e => e.source?.pointer), ['/data/attributes/code'], 'a duplicate is 422 on the field')
})
