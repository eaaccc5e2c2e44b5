// Anonymous cache hits answered before routing (core/http/content-api/early-hit.ts): the same
// bytes and headers as fastify's own hit, only for requests it is sure about, never stale.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { roleGrants } from '../../../core/access/role-cache.js'
import { earlyHit } from '../../../core/http/content-api/early-hit.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, JSONAPI } from './helpers.js'
import { seedBlog } from './seed.js'

interface Answer { status: number, headers: IncomingHttpHeaders, raw: string[], body: string }

function fetchRaw (port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: 'cms.example.test', ...headers } }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks).toString() }) })
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * Header names in order with their values, but for the values that differ per answer (the SQL
 * count is 1 on fastify's path when the role grants had to be reloaded).
 */
const comparable = (raw: string[]) => raw.flatMap((v, i) => i % 2 === 0 ? [/^(date|x-request-id|x-sql-statements)$/i.test(v) ? v : `${v}: ${raw[i + 1] ?? ''}`] : [])

eachDatabase(t, 'early cache hits', async (t, db) => {
  const site = await bootApi(t, db, { log: { level: 'warn' } })
  const ids = await seedBlog(site.kernel)
  let closing = false
  const early = earlyHit({ kernel: site.kernel, requestId: () => 'early-id', closing: () => closing })
  // The early handler alone: 599 when it declines.
  const probe = createServer((request, response) => { if (!early(request, response)) response.writeHead(599).end() })
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { probe.close() })
  const probePort = (probe.address() as AddressInfo).port
  // Role grants live a second: load them right before each probe, so that a decline never
  // comes from grants that went stale on a slow machine.
  const viaProbe = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    await roleGrants(site.kernel.db.knex)
    return fetchRaw(probePort, path, headers, method)
  }
  await site.app.listen({ port: 0, host: '127.0.0.1' })
  probe.keepAliveTimeout = site.app.server.keepAliveTimeout
  const appPort = (site.app.server.address() as AddressInfo).port
  const url = '/jsonapi/article?sort=title&fields[article]=title'

  t.test('a hit: the same answer as fastify sends, and the app server uses it', async t => {
    t.equal((await viaProbe(url)).status, 599, 'nothing cached yet')
    const miss = await fetchRaw(appPort, url)
    t.equal(miss.headers['x-cache'], 'MISS')
    const viaFastify = await fetchRaw(appPort, url, { 'if-none-match': '"other"', 'x-request-id': 'same-id' })
    const viaEarly = await viaProbe(url, { 'x-request-id': 'same-id' })
    t.equal(viaEarly.status, 200)
    t.equal(viaFastify.headers['x-cache'], 'HIT')
    t.equal(viaEarly.body, miss.body, 'the cached bytes')
    t.same(comparable(viaEarly.raw), comparable(viaFastify.raw), 'every header, in order')
    t.equal(viaEarly.headers['content-type'], JSONAPI)
    t.equal(viaEarly.headers['x-request-id'], 'early-id')
    t.notOk('x-sql-statements' in viaEarly.headers, 'no statement count unless asked for')
    t.equal((await viaProbe(url, { 'x-sql-statements': 'count' })).status, 599, 'a request asking for its statement count goes to fastify')
    t.equal((await fetchRaw(appPort, url, { 'x-sql-statements': 'count' })).headers['x-sql-statements'], '0', 'which counts it')
    const accepted = await viaProbe(url, { accept: `${JSONAPI}, */*;q=0.1` })
    t.equal(accepted.status, 200, 'an Accept that allows JSON:API')
    const served = await fetchRaw(appPort, url, { 'x-request-id': 'mine' })
    t.same(comparable(served.raw), comparable(viaFastify.raw), 'the app server answers the same')
    t.equal(served.headers['x-request-id'], 'mine', 'the caller\'s request id')
  })

  t.test('declined: anything it is not sure about goes to fastify', async t => {
    await fetchRaw(appPort, url)
    const declined = async (headers: Record<string, string>, method = 'GET') => (await viaProbe(url, headers, method)).status === 599
    t.ok(await declined({ authorization: `Bearer ${site.adminToken}` }), 'credentials are always resolved')
    t.ok(await declined({ authorization: 'Bearer nonsense' }), 'even unusable ones (401 from fastify)')
    t.ok(await declined({ 'if-none-match': '*' }), 'conditional requests')
    t.ok(await declined({ accept: 'text/html' }), 'an Accept fastify answers with 406')
    t.equal((await fetchRaw(appPort, url, { accept: 'text/html' })).status, 406)
    t.ok(await declined({ 'content-type': 'text/plain' }), 'a declared body')
    t.ok(await declined({}, 'HEAD'), 'HEAD')
    t.ok(await declined({ host: 'other.example.test' }), 'another origin has its own entry')
    t.equal((await viaProbe(`${url}&page[limit]=1`)).status, 599, 'another URL')
    site.kernel.logger.level = 'info'
    t.ok(await declined({}), 'request logging on: fastify logs the request')
    site.kernel.logger.level = 'warn'
    closing = true
    t.ok(await declined({}), 'a closing server')
    closing = false
    t.equal((await viaProbe(url)).status, 200, 'and served again')
  })

  t.test('never stale', async t => {
    await fetchRaw(appPort, url)
    t.equal((await viaProbe(url)).status, 200)
    const patched = await site.admin('PATCH', `/admin/api/content/article/${ids.a1 ?? ''}`, { data: { type: 'article', id: ids.a1, attributes: { title: 'Renamed early' } } })
    t.equal(patched.statusCode, 200, patched.body)
    t.equal((await viaProbe(url)).status, 599, 'a purged entry is not served')
    const fresh = await fetchRaw(appPort, url)
    t.equal(fresh.headers['x-cache'], 'MISS')
    t.match(fresh.body, /Renamed early/)

    t.equal((await viaProbe(url)).status, 200)
    const grant = await site.as(site.adminToken, { method: 'PATCH', url: '/admin/api/roles/anonymous', payload: { permissions: ['access content', 'view unpublished article content'] } })
    t.equal(grant.statusCode, 200, grant.body)
    t.equal((await viaProbe(url)).status, 599, 'a changed anonymous grant is another caller')
    const widened = await fetchRaw(appPort, url)
    t.equal(widened.headers['x-cache'], 'MISS')
    t.ok(JSON.parse(widened.body).data.length > JSON.parse(fresh.body).data.length, 'the draft is listed now')

    const note = { id: 'note', label: 'Note', fields: [{ name: 'title', type: 'string' }] }
    t.equal((await site.as(site.adminToken, { method: 'POST', url: '/admin/api/content-types', payload: note })).statusCode, 201)
    const created = await site.admin('POST', '/admin/api/content/note', { data: { type: 'note', attributes: { title: 'n', status: true } } })
    const noteUrl = `/jsonapi/note/${created.json<{ data: { id: string } }>().data.id}`
    await fetchRaw(appPort, noteUrl)
    t.equal((await viaProbe(noteUrl)).status, 200)
    const changed = await site.as(site.adminToken, { method: 'PUT', url: '/admin/api/content-types/note', payload: { ...note, fields: [...note.fields, { name: 'mood', type: 'string' }] } })
    t.equal(changed.statusCode, 200, changed.body)
    t.equal((await viaProbe(noteUrl)).status, 599, 'an entry rendered with the old definition is not served')
    t.match(JSON.parse((await fetchRaw(appPort, noteUrl)).body), { data: { attributes: { mood: null } } }, 'the new field shows')
  })
})

eachDatabase(t, 'without the statement counter', async (t, db) => {
  const site = await bootApi(t, db, { log: { level: 'warn' }, server: { statementCounter: false } })
  await seedBlog(site.kernel)
  await site.app.listen({ port: 0, host: '127.0.0.1' })
  const port = (site.app.server.address() as AddressInfo).port
  const url = '/jsonapi/article?sort=title'
  const miss = await fetchRaw(port, url, { 'x-sql-statements': 'count' })
  t.equal(miss.headers['x-cache'], 'MISS')
  t.notOk('x-sql-statements' in miss.headers, 'no statement count on a render, even when asked for')
  const viaFastify = await fetchRaw(port, url, { 'if-none-match': '"other"' })
  const viaEarly = await fetchRaw(port, url)
  t.equal(viaEarly.headers['x-cache'], 'HIT')
  t.notOk('x-sql-statements' in viaEarly.headers, 'nor on a hit')
  t.same(comparable(viaEarly.raw), comparable(viaFastify.raw), 'both paths send the same headers')
  t.equal((await site.get('/health', { headers: { 'x-sql-statements': 'count' } })).headers['x-sql-statements'], undefined)
})
