// Deleting, blocking or changing the roles of a user, and changing a role's permissions, take
// effect on that user's very next request (no waiting for the access token to expire).
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity } from '../auth/helpers.js'

eachDatabase(t, 'role and permission changes apply on the next request', async (t, db) => {
  const { login, as, createUser } = await bootIdentity(t, db)
  const admin = await login()
  const adminApi = (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => as(admin.accessToken, { method, url, payload })
  t.equal((await adminApi('POST', '/admin/api/roles', { id: 'manager', label: 'Manager', permissions: ['administer users'] })).statusCode, 201)
  const id = await createUser(admin.accessToken, { email: 'm@example.test', password: 'manager password', roles: ['manager'] })
  const manager = await login('m@example.test', 'manager password')
  const listUsers = () => as(manager.accessToken, { method: 'GET', url: '/admin/api/users' })

  t.equal((await listUsers()).statusCode, 200, 'granted by the role')
  t.equal((await adminApi('PATCH', `/admin/api/users/${id}`, { roles: [] })).statusCode, 200)
  t.equal((await listUsers()).statusCode, 403, 'role removed: refused at once')
  t.equal((await adminApi('PATCH', `/admin/api/users/${id}`, { roles: ['manager'] })).statusCode, 200)
  t.equal((await listUsers()).statusCode, 200, 'role given back')
  t.equal((await adminApi('PATCH', '/admin/api/roles/manager', { permissions: [] })).statusCode, 200)
  t.equal((await listUsers()).statusCode, 403, 'permission taken from the role: refused at once')
})

eachDatabase(t, 'blocked and deleted users are refused on the next request', async (t, db) => {
  const { app, login, as, createUser } = await bootIdentity(t, db)
  const admin = await login()
  const blockedId = await createUser(admin.accessToken, { email: 'b@example.test', password: 'blocked password' })
  const deletedId = await createUser(admin.accessToken, { email: 'd@example.test', password: 'deleted password' })
  const blocked = await login('b@example.test', 'blocked password')
  const deleted = await login('d@example.test', 'deleted password')
  const me = (token: string) => as(token, { method: 'GET', url: '/admin/api/auth/me' })
  t.equal((await me(blocked.accessToken)).statusCode, 200)
  t.equal((await me(deleted.accessToken)).statusCode, 200)

  await as(admin.accessToken, { method: 'PATCH', url: `/admin/api/users/${blockedId}`, payload: { status: 'blocked' } })
  await as(admin.accessToken, { method: 'DELETE', url: `/admin/api/users/${deletedId}` })
  t.equal((await me(blocked.accessToken)).statusCode, 401, 'blocked')
  t.equal((await me(deleted.accessToken)).statusCode, 401, 'deleted')
  const refresh = await app.inject({ method: 'POST', url: '/admin/api/auth/refresh', payload: { refreshToken: blocked.refreshToken } })
  t.equal(refresh.statusCode, 401, 'no refresh for a blocked user')
  const again = await app.inject({ method: 'POST', url: '/admin/api/auth/login', payload: { email: 'b@example.test', password: 'blocked password' } })
  t.equal(again.statusCode, 401, 'a blocked user cannot log in')

  await as(admin.accessToken, { method: 'PATCH', url: `/admin/api/users/${blockedId}`, payload: { status: 'active' } })
  t.equal((await me(blocked.accessToken)).statusCode, 401, 'unblocking does not revive the revoked session')
  t.equal((await login('b@example.test', 'blocked password')).tokenType, 'Bearer', 'but a new login works')
})
