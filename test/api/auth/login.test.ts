// Login: a token pair for the right password; unknown email and wrong password answer alike.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { ADMIN, bootIdentity } from './helpers.js'

eachDatabase(t, 'login issues a token pair that opens the admin API', async (t, db) => {
  const { app, login, as } = await bootIdentity(t, db)
  const tokens = await login(ADMIN.email.toUpperCase())
  t.equal(tokens.tokenType, 'Bearer')
  t.equal(tokens.expiresIn, 900)
  t.match(tokens.accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/)
  t.match(tokens.refreshToken, /^cmsr_[\w-]{43}$/)
  const me = await as(tokens.accessToken, { method: 'GET', url: '/admin/api/auth/me' })
  t.equal(me.statusCode, 200)
  const user = me.json<{ data: Record<string, unknown> }>().data
  t.equal(user.email, ADMIN.email)
  t.same(user.roles, ['authenticated', 'administrator'])
  t.equal(user.isAdmin, true)
  t.ok((user.permissions as string[]).includes('administer users'))
  t.notOk('passwordHash' in user || 'password_hash' in user, 'never the hash')
  t.notMatch(me.body, /scrypt/)
  const anonymous = await app.inject({ method: 'GET', url: '/admin/api/auth/me' })
  t.equal(anonymous.statusCode, 401)
})

eachDatabase(t, 'unknown email and wrong password answer exactly alike', async (t, db) => {
  const { app } = await bootIdentity(t, db)
  const attempt = async (email: string, password: string) => {
    const started = process.hrtime.bigint()
    const response = await app.inject({ method: 'POST', url: '/admin/api/auth/login', payload: { email, password } })
    return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 }
  }
  const wrong = await attempt(ADMIN.email, 'not the password at all')
  const unknown = await attempt('nobody@example.test', 'not the password at all')
  t.equal(wrong.response.statusCode, 401)
  t.equal(unknown.response.statusCode, wrong.response.statusCode)
  t.equal(unknown.response.body, wrong.response.body)
  t.equal(unknown.response.headers['content-type'], wrong.response.headers['content-type'])
  // Both spend one scrypt derivation: neither is more than 4x the other (a skipped hash is ~100x).
  t.ok(unknown.ms * 4 > wrong.ms && wrong.ms * 4 > unknown.ms, `comparable timing: ${unknown.ms.toFixed(1)} ms vs ${wrong.ms.toFixed(1)} ms`)
})
