// Logout ends the session at once (its access token too); a password change keeps the current
// session and ends every other one.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { ADMIN, bootIdentity } from './helpers.js'

eachDatabase(t, 'logout revokes the session and its access token immediately', async (t, db) => {
  const { app, login, as } = await bootIdentity(t, db)
  const tokens = await login()
  const other = await login()
  const out = await as(tokens.accessToken, { method: 'POST', url: '/admin/api/auth/logout' })
  t.equal(out.statusCode, 204)
  t.equal((await as(tokens.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 401, 'access token refused')
  const refresh = await app.inject({ method: 'POST', url: '/admin/api/auth/refresh', payload: { refreshToken: tokens.refreshToken } })
  t.equal(refresh.statusCode, 401, 'refresh token refused')
  t.equal((await as(other.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 200, 'other sessions untouched')
  t.equal((await app.inject({ method: 'POST', url: '/admin/api/auth/logout' })).statusCode, 401, 'anonymous logout is 401')
})

eachDatabase(t, 'changing the password revokes the other sessions only', async (t, db) => {
  const { app, login, as } = await bootIdentity(t, db)
  const current = await login()
  const other = await login()
  const change = (body: Record<string, unknown>) => as(current.accessToken, { method: 'POST', url: '/admin/api/auth/password', payload: body })

  const wrong = await change({ currentPassword: 'not my password', newPassword: 'a brand new password' })
  t.equal(wrong.statusCode, 422, 'wrong current password')
  t.equal(wrong.json<{ errors: Array<{ source: { pointer: string } }> }>().errors[0]?.source.pointer, '/currentPassword')
  const short = await change({ currentPassword: ADMIN.password, newPassword: 'short' })
  t.equal(short.statusCode, 422, 'too short')
  t.equal((await change({ currentPassword: ADMIN.password, newPassword: 'x'.repeat(1025) })).statusCode, 422, 'too long')
  t.equal((await as(other.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 200, 'nothing revoked by failed attempts')

  t.equal((await change({ currentPassword: ADMIN.password, newPassword: 'a brand new password' })).statusCode, 204)
  t.equal((await as(current.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 200, 'current session kept')
  t.equal((await as(other.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 401, 'other session revoked')
  const refresh = await app.inject({ method: 'POST', url: '/admin/api/auth/refresh', payload: { refreshToken: other.refreshToken } })
  t.equal(refresh.statusCode, 401, 'other refresh token revoked')
  const oldLogin = await app.inject({ method: 'POST', url: '/admin/api/auth/login', payload: ADMIN })
  t.equal(oldLogin.statusCode, 401, 'the old password no longer works')
  t.equal((await login(ADMIN.email, 'a brand new password')).tokenType, 'Bearer', 'the new one does')
})
