// /openapi.json describes the routes really served and one schema per content type (which real
// resources validate against); /docs renders it with no script and a CSP for that page only.
import { createHash } from 'node:crypto'
import t from 'tap'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, type ListDocument } from './helpers.js'
import { seedBlog } from './seed.js'

type Obj = Record<string, unknown>
interface OpenApi { openapi: string, info: Obj, paths: Record<string, Record<string, Obj>>, components: { schemas: Record<string, Obj> } }

function refs (value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v)
      else refs(v, out)
    }
  }
  return out
}

eachDatabase(t, 'OpenAPI document and docs page', async (t, db) => {
  const site = await bootApi(t, db)
  await seedBlog(site.kernel)
  const load = async () => {
    const response = await site.get('/openapi.json')
    t.equal(response.statusCode, 200)
    t.match(response.headers['content-type'], /^application\/json/)
    return response.json<OpenApi>()
  }

  t.test('paths from the routes and the content types', async t => {
    const doc = await load()
    t.equal(doc.openapi, '3.1.0')
    for (const path of ['/jsonapi/article', '/jsonapi/article/{id}', '/jsonapi/article/{id}/tags', '/jsonapi/article/{id}/relationships/author', '/jsonapi/article/{id}/uid', '/jsonapi/user/{id}']) {
      t.ok(doc.paths[path]?.get, `GET ${path}`)
    }
    t.same(Object.keys(doc.paths['/admin/api/content/article'] ?? {}).sort(), ['get', 'post'])
    t.same(Object.keys(doc.paths['/admin/api/content/article/{id}'] ?? {}).sort(), ['delete', 'get', 'patch'])
    t.ok(doc.paths['/admin/api/users/{id}']?.patch, 'admin routes are described generically')
    t.ok(doc.paths['/health']?.get)
    t.notOk(Object.keys(doc.paths).some(p => p.includes(':')), 'OpenAPI path syntax')
    t.notOk(doc.paths['/jsonapi/{type}'], 'typed routes are described per type')
    const params = (doc.paths['/jsonapi/article']?.get?.parameters ?? []) as Obj[]
    t.same(params.map(p => p.name), ['filter', 'sort', 'page[offset]', 'page[limit]', 'page[cursor]', 'page[total]', 'fields', 'include'])
    for (const ref of refs(doc)) t.ok(doc.components.schemas[ref.replace('#/components/schemas/', '')], `${ref} resolves`)
  })

  t.test('one schema per content type, validating real resources', async t => {
    const doc = await load()
    const { schemas } = doc.components
    t.same(['article', 'author', 'tag', 'user'].filter(s => s in schemas), ['article', 'author', 'tag', 'user'])
    const attributes = (name: string) => ((schemas[name]?.properties as Obj).attributes as { properties: Record<string, Obj> }).properties
    t.same(attributes('article').title, { type: 'string', maxLength: 200 })
    t.match(attributes('article').published, { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] })
    t.match(attributes('author').website, { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] })
    t.same(attributes('user'), { display_name: { type: 'string' } })
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats.default(ajv)
    const body = (await site.get('/jsonapi/article?include=author,tags', { token: site.adminToken })).json<ListDocument>()
    for (const resource of [...body.data, ...body.included ?? []]) {
      const validate = ajv.compile(schemas[resource.type] as Obj)
      t.ok(validate(resource), `${resource.type} ${resource.id} matches its schema ${ajv.errorsText(validate.errors)}`)
    }
    const made = await site.as(site.adminToken, { method: 'POST', url: '/admin/api/content-types', payload: { id: 'event', label: 'Event', fields: [{ name: 'starts', type: 'date', required: true }] } })
    t.equal(made.statusCode, 201)
    const after = await load()
    t.match(((after.components.schemas.event?.properties as Obj).attributes as { properties: Obj }).properties.starts, { type: 'string', format: 'date' })
    t.ok(after.paths['/jsonapi/event/{id}'], 'a runtime type gets its paths')
  })

  t.test('/docs renders without scripts, under its own CSP', async t => {
    const response = await site.get('/docs')
    t.equal(response.statusCode, 200)
    t.match(response.headers['content-type'], /^text\/html/)
    t.match(response.body, /\/jsonapi\/article\/\{id\}\/relationships\/tags/)
    t.match(response.body, /id="schema-article"/)
    t.notMatch(response.body, /<script|https?:\/\/(?!localhost)/, 'no script, nothing from elsewhere')
    const style = /<style>([^<]*)<\/style>/.exec(response.body)?.[1] ?? ''
    const csp = String(response.headers['content-security-policy'])
    t.match(csp, `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`, 'the inline stylesheet is allowed by its hash')
    t.match(csp, /default-src 'none'/)
    t.notMatch(csp, /unsafe/)
    t.equal((await site.get('/jsonapi')).headers['content-security-policy'], "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'", 'the API keeps the strict policy')
    const etag = String(response.headers.etag)
    t.equal((await site.get('/docs', { headers: { 'if-none-match': etag } })).statusCode, 304)
  })
})
