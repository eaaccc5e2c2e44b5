// HTTP hardening: security headers on every answer, CORS only for allow-listed origins (and none
// at all without a list).
import t from 'tap'
import { defineModule } from '../../../core/kernel/module-types.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity } from './helpers.js'

const ALLOWED = 'https://front.example.test'

// An HTML page (like a future /docs) sets its own policy in its route options.
const htmlPage = defineModule({
  name: 'htmlpage',
  version: '1.0.0',
  core: '*',
  register (ctx) {
    ctx.routes.add(app => {
      app.get('/html-page', { helmet: { contentSecurityPolicy: { directives: { 'default-src': ["'self'"], 'script-src': ["'self'"] } } } }, async (_request, reply) =>
        reply.type('text/html').send('<!doctype html><title>x</title>'))
    })
  }
})

eachDatabase(t, 'security headers are present, errors included', async (t, db) => {
  const { app } = await bootIdentity(t, db, { modules: ['htmlpage'] }, { htmlpage: htmlPage })
  const page = await app.inject({ method: 'GET', url: '/html-page' })
  t.match(String(page.headers['content-security-policy']), /script-src 'self'/, 'an HTML route sets its own policy')
  t.notMatch(String(page.headers['content-security-policy']), /default-src 'none'/)
  t.equal(page.headers['x-content-type-options'], 'nosniff', 'and keeps the other headers')
  for (const url of ['/health', '/admin/api/users', '/no-such-page']) {
    const response = await app.inject({ method: 'GET', url })
    t.equal(response.headers['x-content-type-options'], 'nosniff', `${url}: nosniff`)
    t.equal(response.headers['x-frame-options'], 'SAMEORIGIN', `${url}: framing`)
    t.match(String(response.headers['content-security-policy']), /default-src 'none'/, `${url}: CSP`)
    t.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/)
    t.ok(response.headers['strict-transport-security'], `${url}: HSTS`)
    t.equal(response.headers['referrer-policy'], 'no-referrer')
    t.notOk(response.headers['x-powered-by'])
  }
})

eachDatabase(t, 'CORS answers allow-listed origins only', async (t, db) => {
  const { app } = await bootIdentity(t, db, { server: { corsOrigins: [ALLOWED] } })
  const allowed = await app.inject({ method: 'GET', url: '/health', headers: { origin: ALLOWED } })
  t.equal(allowed.headers['access-control-allow-origin'], ALLOWED, 'allowed origin echoed')
  t.notOk(allowed.headers['access-control-allow-credentials'], 'no credentials')
  const other = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example.test' } })
  t.notOk(other.headers['access-control-allow-origin'], 'other origin not echoed')

  const preflight = (origin: string) => app.inject({
    method: 'OPTIONS',
    url: '/admin/api/users',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' }
  })
  const ok = await preflight(ALLOWED)
  t.equal(ok.statusCode, 204, 'preflight from an allowed origin')
  t.equal(ok.headers['access-control-allow-origin'], ALLOWED)
  t.match(String(ok.headers['access-control-allow-headers']), /Authorization/i)
  const evil = await preflight('https://evil.example.test')
  t.notOk(evil.headers['access-control-allow-origin'], 'no CORS for a foreign preflight')
})

eachDatabase(t, 'without an allow-list there are no CORS headers at all', async (t, db) => {
  const { app } = await bootIdentity(t, db)
  const response = await app.inject({ method: 'GET', url: '/health', headers: { origin: ALLOWED } })
  t.equal(response.statusCode, 200)
  t.notOk(response.headers['access-control-allow-origin'])
  const preflight = await app.inject({ method: 'OPTIONS', url: '/health', headers: { origin: ALLOWED, 'access-control-request-method': 'GET' } })
  t.notOk(preflight.headers['access-control-allow-origin'])
})
