// Contract section 10 on the admin content API: every bad input is a clear 4xx JSON:API error document, reveals nothing and writes nothing.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { CONTENT, JSONAPI, bootContent, doc, expectDocument, expectErrors, type ItemDocument } from './helpers.js'

const NOTE = {
  id: 'note',
  label: 'Note',
  fields: [
    { name: 'title', type: 'string', maxLength: 10 },
    { name: 'count', type: 'integer' },
    { name: 'ratio', type: 'float' },
    { name: 'day', type: 'date' },
    { name: 'at', type: 'datetime' },
    { name: 'tags', type: 'string', cardinality: 'many' },
    { name: 'payload', type: 'json' }
  ]
}

interface Case {
  label: string
  method?: 'POST' | 'PATCH' | 'GET' | 'DELETE'
  /** Appended to the collection URL (POST, GET) or the item URL (PATCH, DELETE). */
  path?: string
  /** An object is sent as JSON; a string is sent as raw text. */
  body?: unknown
  contentType?: string
  headers?: Record<string, string>
  status: number
  /** Expected source.pointer / source.parameter / source.header of the first error, when it names one. */
  pointer?: string
  parameter?: string
  header?: string
}

const attrs = (attributes: Record<string, unknown>) => JSON.stringify(doc('note', attributes))
const raw = (attributes: string) => `{"data":{"type":"note","attributes":${attributes}}}`

const createCases: Case[] = [
  { label: 'malformed JSON', body: '{"data": {"type": "note",', status: 400 },
  { label: 'JSON with trailing text', body: `${attrs({ title: 'x' })} trailing`, status: 400 },
  { label: 'NaN literal', body: raw('{"count": NaN}'), status: 400 },
  { label: 'body over the limit', body: attrs({ payload: 'x'.repeat(10_000) }), status: 413 },
  { label: 'text/plain', body: attrs({ title: 'x' }), contentType: 'text/plain', status: 415 },
  { label: 'application/json instead of JSON:API', body: attrs({ title: 'x' }), contentType: 'application/json', status: 415, header: 'Content-Type' },
  { label: 'application/xml', body: '<note/>', contentType: 'application/xml', status: 415 },
  { label: 'JSON:API with a charset parameter', body: attrs({ title: 'x' }), contentType: `${JSONAPI}; charset=utf-8`, status: 415, header: 'Content-Type' },
  { label: 'an Accept the API cannot answer', body: attrs({ title: 'x' }), headers: { accept: 'application/xml' }, status: 406 },
  { label: 'body is an array', body: '[]', status: 422 },
  { label: 'body is a string', body: '"note"', status: 422 },
  { label: 'data is an array', body: '{"data": []}', status: 422, pointer: '/data' },
  { label: 'data is missing', body: '{"meta": {}}', status: 422, pointer: '/data' },
  { label: 'attributes is an array', body: '{"data": {"type": "note", "attributes": []}}', status: 422, pointer: '/data/attributes' },
  { label: 'type is a number', body: '{"data": {"type": 42, "attributes": {}}}', status: 422, pointer: '/data/type' },
  { label: 'unknown top-level member', body: '{"data": {"type": "note", "attributes": {}}, "included": []}', status: 422, pointer: '/included' },
  { label: 'unknown resource member', body: '{"data": {"type": "note", "attributes": {}, "extra": 1}}', status: 422, pointer: '/data/extra' },
  { label: 'unknown attribute', body: attrs({ title: 'x', subtitle: 'y' }), status: 422, pointer: '/data/attributes/subtitle' },
  { label: 'unknown relationship', body: '{"data": {"type": "note", "relationships": {"owner": {"data": null}}}}', status: 422, pointer: '/data/relationships/owner' },
  { label: 'a field sent as a relationship', body: '{"data": {"type": "note", "relationships": {"title": {"data": null}}}}', status: 422, pointer: '/data/relationships/title' },
  { label: 'string for an integer', body: attrs({ count: '5' }), status: 422, pointer: '/data/attributes/count' },
  { label: 'number for a string', body: attrs({ title: 5 }), status: 422, pointer: '/data/attributes/title' },
  { label: 'null inside a list', body: attrs({ tags: ['a', null] }), status: 422, pointer: '/data/attributes/tags/1' },
  { label: 'string for a list', body: attrs({ tags: 'a' }), status: 422, pointer: '/data/attributes/tags' },
  { label: 'over-long string', body: attrs({ title: 'x'.repeat(11) }), status: 422, pointer: '/data/attributes/title' },
  { label: 'over-long 4-byte string', body: attrs({ title: '😀'.repeat(11) }), status: 422, pointer: '/data/attributes/title' },
  { label: 'over-long string in a list', body: attrs({ tags: ['x'.repeat(256)] }), status: 422, pointer: '/data/attributes/tags/0' },
  { label: 'impossible date', body: attrs({ day: '2023-02-30' }), status: 422, pointer: '/data/attributes/day' },
  { label: 'impossible datetime', body: attrs({ at: '2023-02-30T10:00:00Z' }), status: 422, pointer: '/data/attributes/at' },
  { label: 'datetime without offset', body: attrs({ at: '2024-02-01T10:00:00' }), status: 422, pointer: '/data/attributes/at' },
  { label: 'integer 2^31', body: raw('{"count": 2147483648}'), status: 422, pointer: '/data/attributes/count' },
  { label: 'integer -2^31-1', body: raw('{"count": -2147483649}'), status: 422, pointer: '/data/attributes/count' },
  { label: 'integer 1e400', body: raw('{"count": 1e400}'), status: 422, pointer: '/data/attributes/count' },
  { label: 'float 1e400 (Infinity once parsed)', body: raw('{"ratio": 1e400}'), status: 422, pointer: '/data/attributes/ratio' },
  { label: 'NaN as a string for an integer', body: attrs({ count: 'NaN' }), status: 422, pointer: '/data/attributes/count' },
  { label: 'NaN as a string for a float', body: attrs({ ratio: 'NaN' }), status: 422, pointer: '/data/attributes/ratio' },
  { label: 'Infinity as a string for a float', body: attrs({ ratio: 'Infinity' }), status: 422, pointer: '/data/attributes/ratio' },
  { label: 'NUL byte', body: raw('{"title": "a\\u0000b"}'), status: 422, pointer: '/data/attributes/title' },
  { label: 'NUL byte in JSON', body: raw('{"payload": {"k": "\\u0000"}}'), status: 422, pointer: '/data/attributes/payload/k' },
  { label: 'lone high surrogate', body: raw('{"title": "a\\ud800"}'), status: 422, pointer: '/data/attributes/title' },
  { label: 'lone low surrogate in a list', body: raw('{"tags": ["\\udc00x"]}'), status: 422, pointer: '/data/attributes/tags/0' },
  { label: 'lone surrogate in a JSON key', body: raw('{"payload": {"\\ud800": 1}}'), status: 422, pointer: '/data/attributes/payload' },
  { label: '__proto__ attribute', body: raw('{"__proto__": {"polluted": true}}'), status: 400 },
  { label: '__proto__ at the top', body: '{"__proto__": {"polluted": true}, "data": {"type": "note"}}', status: 400 },
  { label: '__proto__ inside a JSON value', body: raw('{"payload": {"__proto__": {"polluted": true}}}'), status: 400 },
  { label: 'constructor.prototype', body: raw('{"payload": {"constructor": {"prototype": {"polluted": true}}}}'), status: 400 },
  { label: 'constructor attribute', body: raw('{"constructor": "x"}'), status: 422, pointer: '/data/attributes/constructor' },
  { label: 'type mismatch', body: JSON.stringify(doc('other', { title: 'x' })), status: 409, pointer: '/data/type' },
  { label: 'client-generated id', body: JSON.stringify(doc('note', { title: 'x' }, undefined, { id: '01890000-0000-7000-8000-000000000000' })), status: 403, pointer: '/data/id' },
  { label: 'unknown query parameter', path: '?include=tags', body: attrs({ title: 'x' }), status: 400, parameter: 'include' },
  { label: 'unknown type', path: '/../nosuch', body: attrs({ title: 'x' }), status: 404 },
  { label: 'server-owned member status of the wrong type', body: attrs({ status: 'yes' }), status: 422, pointer: '/data/attributes/status' },
  { label: 'created: a leap second', body: attrs({ created: '2016-12-31T23:59:60Z' }), status: 422, pointer: '/data/attributes/created' },
  { label: 'created: year 1', body: attrs({ created: '0001-01-01T00:00:00Z' }), status: 422, pointer: '/data/attributes/created' },
  { label: 'created: past year 9999 in UTC', body: attrs({ created: '9999-12-31T23:59:59-05:00' }), status: 422, pointer: '/data/attributes/created' },
  { label: 'created: impossible date', body: attrs({ created: '2023-02-29T00:00:00Z' }), status: 422, pointer: '/data/attributes/created' },
  { label: 'owner that is no user', body: JSON.stringify(doc('note', {}, { uid: { data: { type: 'user', id: '01890000-0000-7000-8000-000000000000' } } })), status: 422, pointer: '/data/relationships/uid/data' },
  { label: 'NUL byte in the revision log', body: '{"data": {"type": "note", "attributes": {}, "meta": {"revision_log": "a\\u0000"}}}', status: 422, pointer: '/data/meta/revision_log' },
  { label: 'lone surrogate in the revision log', body: '{"data": {"type": "note", "attributes": {}, "meta": {"revision_log": "a\\ud800"}}}', status: 422, pointer: '/data/meta/revision_log' },
  { label: 'revision log not a string', body: JSON.stringify(doc('note', {}, undefined, { meta: { revision_log: 5 } })), status: 422, pointer: '/data/meta/revision_log' }
]

const updateCases: Case[] = [
  { label: 'PATCH malformed JSON', method: 'PATCH', body: '{"data": ', status: 400 },
  { label: 'PATCH application/json', method: 'PATCH', body: '{"data": {}}', contentType: 'application/json', status: 415 },
  { label: 'PATCH without data.id', method: 'PATCH', body: attrs({ title: 'x' }), status: 409, pointer: '/data/id' },
  { label: 'PATCH with another id', method: 'PATCH', idOverride: '01890000-0000-7000-8000-000000000000', status: 409, pointer: '/data/id' },
  { label: 'PATCH over-long string', method: 'PATCH', attributes: { title: 'x'.repeat(11) }, status: 422, pointer: '/data/attributes/title' },
  { label: 'PATCH impossible date', method: 'PATCH', attributes: { day: '2023-02-29' }, status: 422, pointer: '/data/attributes/day' },
  { label: 'PATCH integer 2^31', method: 'PATCH', attributes: { count: 2 ** 31 }, status: 422, pointer: '/data/attributes/count' },
  { label: 'PATCH unknown attribute', method: 'PATCH', attributes: { nope: 1 }, status: 422, pointer: '/data/attributes/nope' },
  { label: 'PATCH lone surrogate', method: 'PATCH', rawAttributes: '{"title": "\\ud83d"}', status: 422, pointer: '/data/attributes/title' },
  { label: 'PATCH owner that is no user', method: 'PATCH', rawAttributes: '{}', rawRelationships: '{"uid": {"data": {"type": "user", "id": "01890000-0000-7000-8000-000000000000"}}}', status: 422, pointer: '/data/relationships/uid/data' },
  { label: 'PATCH __proto__', method: 'PATCH', rawAttributes: '{"__proto__": {"polluted": true}}', status: 400 },
  { label: 'PATCH unknown query parameter', method: 'PATCH', path: '?force=true', attributes: { title: 'x' }, status: 400, parameter: 'force' },
  { label: 'DELETE unknown query parameter', method: 'DELETE', path: '?cascade=1', status: 400, parameter: 'cascade' }
] as Array<Case & { idOverride?: string, attributes?: Record<string, unknown>, rawAttributes?: string, rawRelationships?: string }>

const listCases: Case[] = [
  { label: 'unknown list parameter', method: 'GET', path: '?limit=5', status: 400, parameter: 'limit' },
  { label: 'filter on an unknown field', method: 'GET', path: '?filter[nope]=1', status: 400 },
  { label: 'sort on an unknown field', method: 'GET', path: '?sort=nope', status: 400, parameter: 'sort' },
  { label: 'unknown sparse field', method: 'GET', path: '?fields[note]=title,nope', status: 400, parameter: 'fields[note]' },
  { label: 'unknown page member', method: 'GET', path: '?page[size]=5', status: 400 },
  { label: 'negative offset', method: 'GET', path: '?page[offset]=-1', status: 400, parameter: 'page[offset]' },
  { label: 'prototype key in the query', method: 'GET', path: '?filter[__proto__][x]=1', status: 400 },
  { label: 'unknown item parameter', method: 'GET', path: '/ITEM?include=x', status: 400, parameter: 'include' },
  { label: 'unknown resourceVersion', method: 'GET', path: '/ITEM?resourceVersion=rel:nope', status: 400, parameter: 'resourceVersion' },
  { label: 'id that is not a UUID', method: 'GET', path: '/not-a-uuid', status: 404 },
  { label: 'unknown item', method: 'GET', path: '/01890000-0000-7000-8000-000000000000', status: 404 }
]

eachDatabase(t, 'bad input on the admin content API: 4xx, an error document, nothing written', async (t, db) => {
  const app = await bootContent(t, db, { server: { bodyLimit: 8192 } })
  await app.createType(NOTE)
  const created = await app.jsonapi('POST', `${CONTENT}/note`, doc('note', { title: 'kept', count: 1, tags: ['a'] }))
  const item = expectDocument<ItemDocument>(t, created, 201, 'a good item').data
  const itemUrl = `${CONTENT}/note/${item.id}`
  const etag = created.headers.etag

  for (const c of [...createCases, ...updateCases, ...listCases] as Array<Case & { idOverride?: string, attributes?: Record<string, unknown>, rawAttributes?: string, rawRelationships?: string }>) {
    const method = c.method ?? 'POST'
    const base = method === 'PATCH' || method === 'DELETE' ? itemUrl : `${CONTENT}/note`
    const url = base + (c.path ?? '').replace('/ITEM', `/${item.id}`)
    let body = c.body
    if (c.attributes) body = JSON.stringify(doc('note', c.attributes, undefined, { id: item.id }))
    if (c.rawAttributes) body = `{"data":{"type":"note","id":"${item.id}","attributes":${c.rawAttributes}${c.rawRelationships ? `,"relationships":${c.rawRelationships}` : ''}}}`
    if (c.idOverride) body = JSON.stringify(doc('note', { title: 'x' }, undefined, { id: c.idOverride }))
    const headers: Record<string, string> = { ...c.headers }
    if (body !== undefined) headers['content-type'] = c.contentType ?? JSONAPI
    const before = await app.counts('note')
    const response = await app.request(method, url, body, headers)
    const errors = expectErrors(t, response, c.status, c.label)
    if (c.pointer) t.equal(errors[0]?.source?.pointer, c.pointer, `${c.label}: pointer`)
    if (c.parameter) t.equal(errors[0]?.source?.parameter, c.parameter, `${c.label}: parameter`)
    if (c.header) t.equal(errors[0]?.source?.header, c.header, `${c.label}: header`)
    t.strictSame(await app.counts('note'), before, `${c.label}: nothing written`)
  }
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution')
  const after = await app.jsonapi('GET', itemUrl)
  t.match(expectDocument<ItemDocument>(t, after, 200, 'the item').data.attributes, { title: 'kept', count: 1, tags: ['a'] }, 'the item is untouched')
  t.equal(after.headers.etag, etag, 'and its version too')
})
