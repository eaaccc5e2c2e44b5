// Content type definitions are validated: machine names, reserved names, field types and their settings answer 422 with pointers, and nothing is created.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { TYPES, bootContent, LEAK } from './helpers.js'

type Definition = Record<string, unknown>
const type = (fields: unknown[], extra: Definition = {}): Definition => ({ id: 'thing', label: 'Thing', fields, ...extra })
const one = (field: Record<string, unknown>): Definition => type([{ name: 'f', type: 'string', ...field }])

const invalid: Array<[string, unknown, string[]]> = [
  ...['Bad', '1abc', 'a-b', 'a'.repeat(33), '', 'a__b', 'ab_', 'é', 42].map((id): [string, unknown, string[]] =>
    [`type id ${JSON.stringify(id)}`, { id, label: 'X', fields: [] }, ['/id']]),
  ['missing label', { id: 'thing', fields: [] }, ['/label']],
  ['unknown member', { ...type([]), colour: 'red' }, ['/colour']],
  ['fields not a list', { id: 'thing', label: 'Thing', fields: {} }, ['/fields']],
  ['revisions not a boolean', type([], { revisions: 'yes' }), ['/revisions']],
  ['page size 0', type([], { pageSize: 0 }), ['/pageSize']],
  ['unknown workflow', type([], { workflow: 'nosuch' }), ['/workflow']],
  ['unknown title field', type([{ name: 'a', type: 'string' }], { titleField: 'b' }), ['/titleField']],
  ['a body that is not an object', ['not', 'a', 'definition'], ['/']],
  ...['Title', '_x', 'x-y', 'a'.repeat(33), 'x__y', 'x_', ''].map((name): [string, unknown, string[]] =>
    [`field name ${JSON.stringify(name)}`, one({ name }), ['/fields/0/name']]),
  ...['id', 'type', 'status', 'created', 'changed', 'uid', 'meta', 'relationships', 'attributes', 'links', 'constructor'].map((name): [string, unknown, string[]] =>
    [`reserved field name ${name}`, one({ name }), ['/fields/0/name']]),
  ['duplicate field names', type([{ name: 'a', type: 'string' }, { name: 'a', type: 'text' }]), ['/fields/1/name']],
  ['unknown field type', one({ type: 'colour' }), ['/fields/0/type']],
  ['string maxLength 0', one({ maxLength: 0 }), ['/fields/0/maxLength']],
  ['string maxLength above the cap', one({ maxLength: 5000 }), ['/fields/0/maxLength']],
  ['string maxLength as a string', one({ maxLength: '10' }), ['/fields/0/maxLength']],
  ['misspelt setting', one({ maxlength: 10 }), ['/fields/0/maxlength']],
  ['setting of another type', one({ values: ['a'] }), ['/fields/0/values']],
  ['enum without values', one({ type: 'enum' }), ['/fields/0/values']],
  ['enum with no values', one({ type: 'enum', values: [] }), ['/fields/0/values']],
  ['enum with duplicate values', one({ type: 'enum', values: ['a', 'a'] }), ['/fields/0/values']],
  ['decimal scale above precision', one({ type: 'decimal', precision: 3, scale: 5 }), ['/fields/0/precision']],
  ['integer min not an integer', one({ type: 'integer', min: 1.5 }), ['/fields/0/min']],
  ['reference without target', one({ type: 'reference' }), ['/fields/0/target']],
  ['reference to an unknown type', one({ type: 'reference', target: ['nosuch'] }), ['/fields/0/target']],
  ['reference target not a list', one({ type: 'reference', target: 'thing' }), ['/fields/0/target']],
  ['cardinality 0', one({ cardinality: 0 }), ['/fields/0/cardinality']],
  ['cardinality several', one({ cardinality: 'several' }), ['/fields/0/cardinality']],
  ['required not a boolean', one({ required: 'yes' }), ['/fields/0/required']],
  ['default of the wrong type', one({ type: 'integer', default: 'x' }), ['/fields/0/default']],
  ['default over the length', one({ maxLength: 2, default: 'abc' }), ['/fields/0/default']],
  ['unique multi-valued field', one({ unique: true, cardinality: 'many' }), ['/fields/0/unique']],
  ['two bad fields', type([{ name: 'Bad', type: 'string' }, { name: 'ok', type: 'nosuch' }]), ['/fields/0/name', '/fields/1/type']]
]

eachDatabase(t, 'invalid definitions are 422 with a pointer per problem and create nothing', async (t, db) => {
  const app = await bootContent(t, db)
  const stored = async () => (await app.kernel.db.knex('cms_content_types').select('id')).map(r => (r as { id: string }).id).sort()
  const before = await stored()
  for (const [label, definition, expected] of invalid) {
    const response = await app.request('POST', TYPES, definition)
    t.equal(response.statusCode, 422, `${label} → 422` + (response.statusCode !== 422 ? ` (${response.body})` : ''))
    const errors = response.json<{ errors?: Array<{ status: string, source?: { pointer?: string } }> }>().errors ?? []
    t.same(errors.map(e => e.source?.pointer), expected, `${label}: pointers`)
    t.ok(errors.every(e => e.status === '422'), `${label}: error objects`)
    t.notMatch(response.body, LEAK, `${label}: no internals`)
    t.strictSame(await stored(), before, `${label}: nothing stored`)
    t.notOk(await app.kernel.db.knex.schema.hasTable('ct_thing'), `${label}: no table`)
    if (response.statusCode === 201) await app.request('DELETE', `${TYPES}/thing?force=true`)
  }
})

eachDatabase(t, 'content type requests: conflicts, permissions, unknown ids and bad bodies', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType(type([{ name: 'a', type: 'string' }]))
  t.equal((await app.request('POST', TYPES, type([]))).statusCode, 409, 'the id exists')
  t.equal((await app.request('PUT', `${TYPES}/thing`, { ...type([]), id: 'other' })).statusCode, 409, 'PUT id differs from the URL')
  t.equal((await app.request('PUT', `${TYPES}/nosuch`, { ...type([]), id: 'nosuch' })).statusCode, 404, 'PUT of an unknown type')
  t.equal((await app.request('PUT', `${TYPES}/thing`, { ...type([]), label: '' })).statusCode, 422, 'PUT validates too')
  t.equal((await app.request('POST', TYPES, '{"id": "x",')).statusCode, 400, 'malformed JSON')
  t.equal((await app.request('POST', TYPES, 'id=x', { 'content-type': 'text/plain' })).statusCode, 415, 'not JSON')
  t.equal((await app.request('POST', `${TYPES}?dryRun=1`, type([], { id: 'other' }))).statusCode, 400, 'unknown query parameter')

  await app.createUser(app.token, { email: 'ed@example.test', password: 'editor password 1', roles: ['editor'] })
  const editor = await app.login('ed@example.test', 'editor password 1')
  const asEditor = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.as(editor.accessToken, { method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) })
  t.equal((await asEditor('POST', TYPES, type([], { id: 'mine' }))).statusCode, 403, 'editors may not create types')
  t.equal((await asEditor('PUT', `${TYPES}/thing`, type([]))).statusCode, 403, 'nor change them')
  t.equal((await asEditor('DELETE', `${TYPES}/thing`)).statusCode, 403, 'nor delete them')
  t.match((await app.request('GET', `${TYPES}/thing`)).json(), { data: { fields: [{ name: 'a' }] } }, 'unchanged')
  t.equal((await app.app.inject({ method: 'GET', url: TYPES })).statusCode, 401, 'anonymous callers are refused')
})
