// Bad requests get a clear 4xx in the error document shape; failures a 500 that reveals nothing.
import t, { type Test } from 'tap'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestApp } from '../helpers/boot.js'
import type { TestDatabase } from '../helpers/databases.js'
import { httpProbe } from '../fixtures/modules/http-probe.js'

const boot = (t: Test, db: TestDatabase) =>
  bootTestApp(t, db, { site: { modules: ['probe'], server: { bodyLimit: 2048 } }, moduleSources: { probe: httpProbe } })

/** Sends the request and checks the answer is exactly one error of `status`/`code`; returns it. */
async function expectError (t: Test, app: FastifyInstance, request: InjectOptions, status: number, code: string) {
  const response = await app.inject(request)
  t.equal(response.statusCode, status, `${request.method ?? 'GET'} ${String(request.url)} → ${status}`)
  t.match(response.headers['content-type'], /^application\/(json|vnd\.api\+json)/)
  const document = response.json<{ jsonapi: unknown, errors: Array<Record<string, unknown>> }>()
  t.same(Object.keys(document).sort(), ['errors', 'jsonapi'])
  t.same(document.jsonapi, { version: '1.1' })
  t.equal(document.errors.length, 1)
  t.match(document.errors[0], { status: String(status), code, title: String, detail: String })
  return { body: response.body, error: document.errors[0] }
}

const json = (payload: string, type = 'application/json'): InjectOptions =>
  ({ method: 'POST', url: '/probe/echo', headers: { 'content-type': type }, payload })

eachDatabase(t, 'unknown routes answer 404 in the error document shape', async (t, db) => {
  const { app } = await boot(t, db)
  const { error } = await expectError(t, app, { method: 'GET', url: '/no/such/route?x=1' }, 404, 'NOT_FOUND')
  t.same(Object.keys(error ?? {}).sort(), ['code', 'detail', 'status', 'title'])
  t.equal(error?.detail, 'No route for GET /no/such/route')
  await expectError(t, app, { method: 'DELETE', url: '/health' }, 404, 'NOT_FOUND')
})

eachDatabase(t, 'malformed bodies are 400, oversized 413, wrong types 415', async (t, db) => {
  const { app } = await boot(t, db)
  await expectError(t, app, json('{"title": '), 400, 'INVALID_JSON')
  await expectError(t, app, json('{"title": "x"} trailing'), 400, 'INVALID_JSON')
  await expectError(t, app, json('{"title": "x",}', 'application/vnd.api+json'), 400, 'INVALID_JSON')
  await expectError(t, app, json(JSON.stringify({ text: 'x'.repeat(4096) })), 413, 'PAYLOAD_TOO_LARGE')
  await expectError(t, app, json('{"title": "x"}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE')
  await expectError(t, app, json('<title>x</title>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE')
  const ok = await app.inject(json('{"title": "x"}'))
  t.same(ok.json(), { received: { title: 'x' } }, 'a good body still reaches the route')
})

eachDatabase(t, 'prototype keys in JSON bodies are 400', async (t, db) => {
  const { app } = await boot(t, db)
  for (const payload of ['{"__proto__": {"admin": true}}', '{"a": {"constructor": {"prototype": {"admin": true}}}}']) {
    const response = await app.inject(json(payload))
    t.equal(response.statusCode, 400, payload)
    t.notMatch(response.body, /received/, 'the route never saw it')
    t.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype pollution')
  }
  t.equal((await app.inject(json('{"__proto__": {}}', 'application/vnd.api+json'))).statusCode, 400)
})

eachDatabase(t, 'query strings: nested parameters parse; abusive ones are 400', async (t, db) => {
  const { app } = await boot(t, db)
  const nested = await app.inject({ method: 'GET', url: '/probe/query?filter[title][value]=a&filter[title][operator]=%3D&page[limit]=2' })
  t.same(nested.json(), { query: { filter: { title: { value: 'a', operator: '=' } }, page: { limit: '2' } } })
  const tooDeep = '/probe/query?' + 'a' + '[b]'.repeat(20) + '=1'
  const tooMany = '/probe/query?' + Array.from({ length: 3000 }, (_, i) => `p${i}=1`).join('&')
  for (const url of [tooDeep, tooMany, '/probe/query?__proto__[admin]=1', '/probe/query?filter[constructor][prototype]=1',
    '/probe/query?prototype=1', '/probe/query?q=%E0%A4%A']) {
    const { error } = await expectError(t, app, { method: 'GET', url }, 400, 'INVALID_QUERY')
    t.same(error?.source, { parameter: 'query' })
  }
})

eachDatabase(t, 'a route that throws answers 500 without stacks, SQL or paths', async (t, db) => {
  const { app } = await boot(t, db)
  for (const url of ['/probe/boom', '/probe/sql']) {
    const { body } = await expectError(t, app, { method: 'GET', url }, 500, 'INTERNAL')
    for (const leak of [/SELECT/i, /password/i, /no_such_table/, /secret_column/, /\/work\//, /\.ts\b/, /\bat \S+ \(/, /stack/i, /sqlite|mysql|knex/i]) {
      t.notMatch(body, leak, `${url} body does not reveal ${String(leak)}`)
    }
  }
})
