// Request ids (generated, or honoured when valid) and JSON logs that never hold credentials.
import { Writable } from 'node:stream'
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestApp } from '../helpers/boot.js'
import { httpProbe } from '../fixtures/modules/http-probe.js'
import { createLogger } from '../../core/kernel/logger.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function captureLogs (): { stream: Writable, lines: () => Array<Record<string, unknown>>, text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({ write (chunk: Buffer, _encoding, done) { chunks.push(chunk.toString()); done() } })
  const text = () => chunks.join('')
  const lines = () => text().split('\n').filter(Boolean).map(line => JSON.parse(line) as Record<string, unknown>)
  return { stream, lines, text }
}

eachDatabase(t, 'x-request-id is generated, or echoed when the caller sends a valid one', async (t, db) => {
  const { app } = await bootTestApp(t, db)
  const first = await app.inject({ method: 'GET', url: '/health' })
  const second = await app.inject({ method: 'GET', url: '/health' })
  t.match(first.headers['x-request-id'], UUID)
  t.not(first.headers['x-request-id'], second.headers['x-request-id'], 'a new id per request')
  const echoed = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'edge-42.abc:7' } })
  t.equal(echoed.headers['x-request-id'], 'edge-42.abc:7')
  const onErrors = await app.inject({ method: 'GET', url: '/missing', headers: { 'x-request-id': 'trace-404' } })
  t.equal(onErrors.headers['x-request-id'], 'trace-404', 'error responses carry it too')
  for (const bad of ['has spaces', 'x'.repeat(129), '<script>', 'new\u00e9line']) {
    const response = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': bad } })
    t.match(response.headers['x-request-id'], UUID, `invalid id ${JSON.stringify(bad.slice(0, 20))} is replaced`)
  }
})

eachDatabase(t, 'logs are JSON lines with the request id and no credentials', async (t, db) => {
  const logs = captureLogs()
  const { app, kernel } = await bootTestApp(t, db, {
    site: { modules: ['probe'] },
    moduleSources: { probe: httpProbe },
    logger: createLogger('info', logs.stream)
  })
  const response = await app.inject({
    method: 'POST',
    url: '/probe/log',
    headers: { cookie: 'sid=secret-cookie-value', 'x-api-key': 'secret-api-key', 'x-request-id': 'log-test-1' },
    payload: { email: 'ed@example.com', password: 'secret-password-1', token: 'secret-token-2', nested: { newPassword: 'secret-password-3' } }
  })
  t.equal(response.statusCode, 200)
  // Whatever the auth layer answers to a bad bearer token, the token stays out of the log.
  await app.inject({ method: 'GET', url: '/probe/query', headers: { authorization: 'Bearer eyJ.secret-bearer-token.sig' } })
  // A handler logging the headers it got (what a module might do) gets them redacted.
  kernel.logger.info({ headers: { authorization: 'Bearer secret-bearer-2' }, req: { headers: { authorization: 'Basic secret-basic' } } }, 'headers')
  kernel.logger.info({ config: { auth: { jwtSecret: 'secret-jwt' } }, user: { password: 'secret-password-4' } }, 'objects')

  const text = logs.text()
  for (const secret of ['secret-bearer-token', 'secret-bearer-2', 'secret-basic', 'secret-cookie-value', 'secret-api-key',
    'secret-password-1', 'secret-token-2', 'secret-password-3', 'secret-password-4', 'secret-jwt']) {
    t.notOk(text.includes(secret), `${secret} is not in the log`)
  }
  const line = logs.lines().find(l => l.msg === 'probe received')
  t.match(line, {
    reqId: 'log-test-1',
    headers: { cookie: '[redacted]', 'x-api-key': '[redacted]' },
    body: { email: 'ed@example.com', password: '[redacted]', token: '[redacted]', nested: { newPassword: '[redacted]' } }
  }, 'the route logged, redacted')
  t.match(logs.lines().find(l => l.msg === 'headers'), { headers: { authorization: '[redacted]' }, req: { headers: { authorization: '[redacted]' } } })
  t.ok(logs.lines().every(l => typeof l.level === 'number' && typeof l.time === 'number'), 'every line is a JSON log record')
})

eachDatabase(t, 'a 500 is logged with its detail and request id, which the body does not carry', async (t, db) => {
  const logs = captureLogs()
  const { app } = await bootTestApp(t, db, { site: { modules: ['probe'] }, moduleSources: { probe: httpProbe }, logger: createLogger('info', logs.stream) })
  const response = await app.inject({ method: 'GET', url: '/probe/boom', headers: { 'x-request-id': 'boom-1' } })
  t.equal(response.statusCode, 500)
  const logged = logs.lines().find(l => l.reqId === 'boom-1' && l.level === 50)
  t.match(logged, { err: { message: /SELECT password FROM users/ } }, 'operators find the detail in the log')
  t.notMatch(response.body, /SELECT/)
})
