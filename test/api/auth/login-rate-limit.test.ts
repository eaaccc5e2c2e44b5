// Failed logins are limited per account and per client address (429 + Retry-After), and
// X-Forwarded-For only names the client when server.trustProxy is on.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { ADMIN, bootIdentity } from './helpers.js'

const auth = { loginMaxAttempts: 3, loginWindowMs: 60_000 }

function attempt (app: Awaited<ReturnType<typeof bootIdentity>>['app'], email: string, password: string, forwardedFor?: string) {
  const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}
  return app.inject({ method: 'POST', url: '/admin/api/auth/login', headers, payload: { email, password } })
}

eachDatabase(t, 'per account: failures from many addresses lock the account, not others', async (t, db) => {
  const { app, login, createUser } = await bootIdentity(t, db, { auth, server: { trustProxy: true } })
  const admin = await login()
  await createUser(admin.accessToken, { email: 'other@example.test', password: 'other password 123' })
  for (let i = 1; i <= 3; i++) t.equal((await attempt(app, ADMIN.email, 'wrong password!', `10.0.0.${i}`)).statusCode, 401)
  const locked = await attempt(app, ADMIN.email, ADMIN.password, '10.0.0.99')
  t.equal(locked.statusCode, 429, 'even the right password waits, from a fresh address')
  t.equal(locked.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'RATE_LIMITED')
  const retry = Number(locked.headers['retry-after'])
  t.ok(Number.isInteger(retry) && retry > 0 && retry <= 60, `Retry-After in seconds (${String(locked.headers['retry-after'])})`)
  t.equal((await attempt(app, 'other@example.test', 'other password 123', '10.0.0.98')).statusCode, 200, 'another account is not locked')
})

eachDatabase(t, 'per address: failures on many accounts lock the address; X-Forwarded-For ignored', async (t, db) => {
  const { app } = await bootIdentity(t, db, { auth, server: { trustProxy: false } })
  for (let i = 1; i <= 3; i++) {
    t.equal((await attempt(app, `nobody${i}@example.test`, 'wrong password!', `10.1.0.${i}`)).statusCode, 401)
  }
  const locked = await attempt(app, ADMIN.email, ADMIN.password, '10.1.0.50')
  t.equal(locked.statusCode, 429, 'a spoofed X-Forwarded-For does not escape the limit')
  t.ok(Number(locked.headers['retry-after']) > 0)
})

eachDatabase(t, 'behind a trusted proxy each forwarded client is counted on its own', async (t, db) => {
  const { app } = await bootIdentity(t, db, { auth, server: { trustProxy: true } })
  for (let i = 1; i <= 6; i++) {
    t.equal((await attempt(app, `nobody${i}@example.test`, 'wrong password!', `10.2.0.${i}`)).statusCode, 401, `client ${i}`)
  }
  t.equal((await attempt(app, ADMIN.email, ADMIN.password, '10.2.0.50')).statusCode, 200)
})

eachDatabase(t, 'the auth routes also carry a request-rate brake (@fastify/rate-limit)', async (t, db) => {
  const { app } = await bootIdentity(t, db, { auth: { loginMaxAttempts: 1, loginWindowMs: 60_000 } })
  const statuses: number[] = []
  for (let i = 0; i < 11; i++) statuses.push((await attempt(app, ADMIN.email, ADMIN.password)).statusCode)
  t.same(statuses.slice(0, 10), Array(10).fill(200), 'successful logins are not failures')
  t.equal(statuses[10], 429, 'but more than 10 x loginMaxAttempts requests per window are refused')
  const refused = await app.inject({ method: 'POST', url: '/admin/api/auth/refresh', payload: { refreshToken: 'x' } })
  t.equal(refused.statusCode, 401, 'each route counts on its own')
  const again = await attempt(app, ADMIN.email, ADMIN.password)
  t.equal(again.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'RATE_LIMITED')
  t.ok(Number(again.headers['retry-after']) > 0, 'with Retry-After')
})
