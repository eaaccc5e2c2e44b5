// The "Done means", through HTTP only on each database: a type with every core field type; create, update, revert, list revisions; bad input 4xx with nothing written.
import t, { type Test } from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { fieldCases, type FieldCase } from '../../api/content-admin/field-cases.js'
import {
  CONTENT, TYPES, bootContent, doc, expectDocument, expectErrors, type ContentApp, type ItemDocument, type ListDocument, type Resource
} from '../../api/content-admin/helpers.js'

const TYPE = 'allfields'

/** The document members of a set of [field case, value] pairs: attributes and relationships. */
function members (values: Array<[FieldCase, unknown]>): { attributes: Record<string, unknown>, relationships: Record<string, unknown> } {
  const attributes: Record<string, unknown> = {}
  const relationships: Record<string, unknown> = {}
  for (const [c, value] of values) {
    if (c.relationship) relationships[c.field.name] = { data: value }
    else attributes[c.field.name] = value
  }
  return { attributes, relationships }
}

function readAll (resource: Resource): Record<string, unknown> {
  return Object.fromEntries(fieldCases.map(c => [c.field.name, c.relationship ? resource.relationships[c.field.name]?.data : resource.attributes[c.field.name]]))
}

/** What HTTP can tell about the stored state: how many items, and the item's version and revisions. */
async function state (t: Test, app: ContentApp, url: string) {
  const list = expectDocument<ListDocument>(t, await app.jsonapi('GET', `${CONTENT}/${TYPE}?page[total]=true&page[limit]=1`), 200, 'count')
  const item = await app.jsonapi('GET', url)
  const revisions = expectDocument<ListDocument>(t, await app.jsonapi('GET', `${url}/revisions`), 200, 'revisions')
  return { count: list.meta?.count, etag: item.headers.etag, revisions: revisions.data.length, values: readAll(expectDocument<ItemDocument>(t, item, 200, 'item').data) }
}

eachDatabase(t, 'done means: the content model through HTTP', async (t, db) => {
  const app = await bootContent(t, db)

  // A content type with one field of each core type (and a target type for the references).
  const target = await app.request('POST', TYPES, { id: 'target', label: 'Target', fields: [{ name: 'name', type: 'string' }] })
  t.equal(target.statusCode, 201, 'target type created')
  const created = await app.request('POST', TYPES, { id: TYPE, label: 'All fields', revisions: true, fields: fieldCases.map(c => c.field) })
  t.equal(created.statusCode, 201, 'a type with every core field type')
  t.equal(created.headers.location, `${TYPES}/${TYPE}`)
  const definition = (await app.request('GET', `${TYPES}/${TYPE}`)).json<{ data: { fields: Array<{ name: string, type: string }> } }>().data
  t.same(definition.fields.map(f => f.type).filter((v, i, a) => a.indexOf(v) === i).sort(),
    ['boolean', 'date', 'datetime', 'decimal', 'email', 'enum', 'float', 'integer', 'json', 'media', 'reference', 'richtext', 'slug', 'string', 'text', 'url'], 'all sixteen core types')

  const refs: string[] = []
  for (const name of ['one', 'two']) {
    refs.push(expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/target`, doc('target', { name })), 201, `target ${name}`).data.id)
  }
  const user = (await app.request('GET', '/admin/api/auth/me')).json<{ data: { id: string } }>().data.id
  const ctx = { refs: refs as [string, string], user }
  const goods = fieldCases.map(c => ({ c, values: c.good(ctx) }))
  const version = (n: 0 | 1) => goods.map(({ c, values }) => [c, values[Math.min(n, values.length - 1)] as [unknown, unknown]] as const)
  const sent = (n: 0 | 1) => members(version(n).map(([c, [input]]) => [c, input]))
  const expected = (n: 0 | 1) => Object.fromEntries(version(n).map(([c, [, output]]) => [c.field.name, output]))

  // Create.
  const first = sent(0)
  const createdItem = await app.jsonapi('POST', `${CONTENT}/${TYPE}`, doc(TYPE, first.attributes, first.relationships, { meta: { revision_log: 'created' } }))
  const item = expectDocument<ItemDocument>(t, createdItem, 201, 'create with every field').data
  t.strictSame(readAll(item), expected(0), 'the write answers the stored values')
  const url = `${CONTENT}/${TYPE}/${item.id}`
  t.strictSame(readAll(expectDocument<ItemDocument>(t, await app.jsonapi('GET', url), 200, 'read').data), expected(0), 'read back exactly')

  // Update, conditionally.
  const second = sent(1)
  // Slugs are unique: the second value of every case is still free.
  const updated = await app.jsonapi('PATCH', url, doc(TYPE, second.attributes, second.relationships, { id: item.id, meta: { revision_log: 'updated' } }), { 'if-match': createdItem.headers.etag as string })
  t.strictSame(readAll(expectDocument<ItemDocument>(t, updated, 200, 'update every field').data), expected(1), 'updated values')
  expectErrors(t, await app.jsonapi('PATCH', url, doc(TYPE, {}, undefined, { id: item.id }), { 'if-match': createdItem.headers.etag as string }), 412, 'stale If-Match')

  // Revert to the first revision: a new revision with the old values.
  const reverted = await app.jsonapi('POST', `${url}/revisions/1/revert`)
  const revertedItem = expectDocument<ItemDocument>(t, reverted, 200, 'revert').data
  t.strictSame(readAll(revertedItem), expected(0), 'the old values are back')
  t.match(revertedItem.meta, { revision: 3, defaultRevision: 3 })

  // List revisions.
  const revisions = expectDocument<ListDocument>(t, await app.jsonapi('GET', `${url}/revisions`), 200, 'revision list')
  t.same(revisions.data.map(r => r.id), ['3', '2', '1'])
  t.same(revisions.data.map(r => r.attributes.log), ['Reverted to revision 1', 'updated', 'created'])
  t.strictSame(readAll(expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${url}/revisions/2`), 200, 'revision 2').data), expected(1), 'revision 2 keeps the update')

  // Every bad value of every type, on create and on update: 422 at the field, nothing written.
  const before = await state(t, app, url)
  for (const c of fieldCases) {
    for (const bad of c.bad(ctx)) {
      const label = `${c.type} ${JSON.stringify(bad)?.slice(0, 40)}`
      const { attributes, relationships } = members([[c, bad]])
      const prefix = `/data/${c.relationship ? 'relationships' : 'attributes'}/${c.field.name}`
      // A slug taken by another item is bad; the item may keep its own.
      const own = c.type === 'slug' && bad === expected(0)[c.field.name]
      const attempts: Array<['POST' | 'PATCH', string, unknown]> = [['POST', `${CONTENT}/${TYPE}`, doc(TYPE, attributes, relationships)]]
      if (!own) attempts.push(['PATCH', url, doc(TYPE, attributes, relationships, { id: item.id })])
      for (const [method, target, body] of attempts) {
        const errors = expectErrors(t, await app.jsonapi(method, target, body), 422, `${method} ${label}`)
        t.ok(errors.every(e => e.source?.pointer === prefix || e.source?.pointer?.startsWith(`${prefix}/`)), `${method} ${label}: at the field`)
      }
    }
  }
  t.strictSame(await state(t, app, url), before, 'no item, revision or value changed')

  // The item shows up in lists, filtered and sorted.
  const listed = expectDocument<ListDocument>(t, await app.jsonapi('GET', `${CONTENT}/${TYPE}?filter[f_slug]=hello-world&sort=-f_integer`), 200, 'filtered list')
  t.same(listed.data.map(r => r.id), [item.id])
  t.equal((await app.jsonapi('DELETE', url)).statusCode, 204, 'delete')
  expectErrors(t, await app.jsonapi('GET', url), 404, 'gone')
})
