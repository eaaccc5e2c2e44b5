// OpenAPI path items for the typed routes: per content type, the content API's collection,
// item and relationship routes and the admin content API's CRUD, with their query parameters.
import type { CompiledType } from '../../content/compiled-type.js'

type Operation = Record<string, unknown>
type Schema = Record<string, unknown>

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
const query = (name: string, description: string, schema: Schema = { type: 'string' }): Schema => ({ name, in: 'query', required: false, description, schema })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const JSONAPI = 'application/vnd.api+json'

function documentOf (data: Schema, description: string, extra: Schema = {}): Schema {
  return { description, content: { [JSONAPI]: { schema: { type: 'object', required: ['data'], properties: { jsonapi: { type: 'object' }, data, links: { type: 'object' }, meta: { type: 'object' }, ...extra } } } } }
}

const errors = (codes: string[]): Record<string, Schema> =>
  Object.fromEntries(codes.map(code => [code, { description: 'Error document', content: { [JSONAPI]: { schema: ref('JsonApiErrors') } } }]))

const FIELDS_PARAM = query('fields', 'Sparse fieldsets: fields[type]=a,b', { type: 'object' })
const INCLUDE_PARAM = query('include', 'Comma-separated relationship paths (dotted, up to the configured depth)')

const LIST_PARAMETERS = [
  query('filter', 'Drupal JSON:API filters: filter[field]=v, filter[k][value|operator|path|memberOf], filter[k][condition][path|operator|value|memberOf], filter[g][group][conjunction|memberOf]', { type: 'object' }),
  query('sort', 'Comma-separated fields, "-" for descending, relationship paths allowed (author.name)'),
  query('page[offset]', 'Offset paging', { type: 'integer', minimum: 0 }),
  query('page[limit]', 'Page size, clamped to the type\'s cap (said in meta.limit)', { type: 'integer', minimum: 1 }),
  query('page[cursor]', 'Keyset paging: empty for the first page, then links.next'),
  query('page[total]', 'true adds meta.count', { type: 'boolean' }),
  FIELDS_PARAM
]

function contentApiPaths (type: CompiledType): Record<string, Record<string, Operation>> {
  const base = `/jsonapi/${type.id}`
  const tags = ['Content API']
  const included = { included: { type: 'array', items: { type: 'object' } } }
  const paths: Record<string, Record<string, Operation>> = {
    [base]: { get: { tags, summary: `List ${type.definition.label} items`, parameters: [...LIST_PARAMETERS, INCLUDE_PARAM], responses: { 200: documentOf({ type: 'array', items: ref(type.id) }, 'A page of items', included), ...errors(['400', '403', '404', '406']) } } },
    [`${base}/{id}`]: {
      get: {
        tags,
        summary: `One ${type.definition.label}`,
        parameters: [idParam, FIELDS_PARAM, INCLUDE_PARAM],
        responses: { 200: documentOf(ref(type.id), 'The item', included), 304: { description: 'Not modified (If-None-Match)' }, ...errors(['400', '404', '406']) }
      }
    }
  }
  for (const field of [{ name: 'uid', targets: ['user'], multiple: false }, ...type.relationships]) {
    const targets = field.targets.map(ref)
    const data = field.multiple ? { type: 'array', items: { oneOf: targets } } : { anyOf: [...targets, { type: 'null' }] }
    paths[`${base}/{id}/${field.name}`] = { get: { tags, summary: `Related ${field.name} of a ${type.definition.label}`, parameters: [idParam, FIELDS_PARAM, INCLUDE_PARAM], responses: { 200: documentOf(data, 'Related resources the caller may see'), ...errors(['404']) } } }
    paths[`${base}/{id}/relationships/${field.name}`] = { get: { tags, summary: `Linkage of ${field.name}`, parameters: [idParam], responses: { 200: documentOf({}, 'Resource identifiers'), ...errors(['404']) } } }
  }
  return paths
}

function adminPaths (type: CompiledType): Record<string, Record<string, Operation>> {
  const base = `/admin/api/content/${type.id}`
  const tags = ['Admin content API']
  const security = [{ bearer: [] }]
  const body = { required: true, content: { [JSONAPI]: { schema: { type: 'object', required: ['data'], properties: { data: ref(type.id) } } } } }
  const item = documentOf(ref(type.id), 'The item')
  return {
    [base]: {
      get: { tags, security, summary: `List ${type.definition.label} items, drafts included`, parameters: LIST_PARAMETERS, responses: { 200: documentOf({ type: 'array', items: ref(type.id) }, 'A page of items'), ...errors(['400', '401', '403']) } },
      post: { tags, security, summary: `Create a ${type.definition.label}`, requestBody: body, responses: { 201: item, ...errors(['401', '403', '415', '422']) } }
    },
    [`${base}/{id}`]: {
      get: { tags, security, summary: `One ${type.definition.label}`, parameters: [idParam, query('resourceVersion', 'rel:working-copy, rel:latest-version or id:{revision}')], responses: { 200: item, ...errors(['401', '404']) } },
      patch: { tags, security, summary: `Change a ${type.definition.label}`, parameters: [idParam, { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } }], requestBody: body, responses: { 200: item, ...errors(['401', '403', '404', '412', '415', '422']) } },
      delete: { tags, security, summary: `Delete a ${type.definition.label}`, parameters: [idParam], responses: { 204: { description: 'Deleted' }, ...errors(['401', '403', '404', '412']) } }
    }
  }
}

function userPaths (): Record<string, Record<string, Operation>> {
  const tags = ['Content API']
  const page = LIST_PARAMETERS.filter(p => p.name === 'page[offset]' || p.name === 'page[limit]')
  return {
    '/jsonapi/user': { get: { tags, summary: 'List active users (public attributes only)', parameters: [...page, query('sort', 'display_name or -display_name'), FIELDS_PARAM], responses: { 200: documentOf({ type: 'array', items: ref('user') }, 'A page of users'), ...errors(['400']) } } },
    '/jsonapi/user/{id}': { get: { tags, summary: 'One active user', parameters: [idParam, FIELDS_PARAM], responses: { 200: documentOf(ref('user'), 'The user'), ...errors(['404']) } } }
  }
}

/** Every typed path; routes with a :type parameter are described through these instead. */
export function typedPaths (types: readonly CompiledType[]): Record<string, Record<string, Operation>> {
  return Object.assign(userPaths(), ...types.flatMap(type => [contentApiPaths(type), adminPaths(type)])) as Record<string, Record<string, Operation>>
}
