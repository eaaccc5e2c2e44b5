// Mass assignment on yourself: no own roles, status or password through /users (403), no
// self-deletion; a user manager who is not an administrator cannot create or touch administrators.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity } from '../auth/helpers.js'

eachDatabase(t, 'users cannot change their own roles or status, nor delete themselves', async (t, db) => {
  const { login, as } = await bootIdentity(t, db)
  const { accessToken } = await login()
  const me = (await as(accessToken, { method: 'GET', url: '/admin/api/auth/me' })).json<{ data: { id: string } }>().data
  const url = `/admin/api/users/${me.id}`
  const patch = (payload: Record<string, unknown>) => as(accessToken, { method: 'PATCH', url, payload })

  t.equal((await patch({ displayName: 'Still me', roles: [] })).statusCode, 403, 'own roles')
  t.equal((await patch({ status: 'blocked' })).statusCode, 403, 'own status')
  t.equal((await patch({ status: 'active' })).statusCode, 403, 'own status, even unchanged')
  t.equal((await patch({ password: 'a new password here' })).statusCode, 403, 'own password goes through /auth/password')
  t.equal((await as(accessToken, { method: 'DELETE', url })).statusCode, 403, 'self-deletion')

  const after = (await as(accessToken, { method: 'GET', url })).json<{ data: { roles: string[], status: string, displayName: string } }>().data
  t.same(after.roles, ['administrator'], 'roles unchanged')
  t.equal(after.status, 'active')
  t.equal(after.displayName, 'Administrator', 'the refused request wrote nothing')
  t.equal((await patch({ displayName: 'Me' })).statusCode, 200, 'other own fields may change')
})

eachDatabase(t, 'a non-administrator user manager cannot escalate', async (t, db) => {
  const { login, as, createUser } = await bootIdentity(t, db)
  const admin = await login()
  const role = await as(admin.accessToken, { method: 'POST', url: '/admin/api/roles', payload: { id: 'manager', label: 'Manager', permissions: ['administer users'] } })
  t.equal(role.statusCode, 201)
  await createUser(admin.accessToken, { email: 'm@example.test', password: 'manager password', roles: ['manager'] })
  const manager = await login('m@example.test', 'manager password')
  const adminId = (await as(admin.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).json<{ data: { id: string } }>().data.id

  const grant = await as(manager.accessToken, { method: 'POST', url: '/admin/api/users', payload: { email: 'evil@example.test', password: 'long enough password', roles: ['administrator'] } })
  t.equal(grant.statusCode, 403, 'cannot hand out the administrator role')
  const block = await as(manager.accessToken, { method: 'PATCH', url: `/admin/api/users/${adminId}`, payload: { status: 'blocked' } })
  t.equal(block.statusCode, 403, 'cannot block an administrator')
  const takeover = await as(manager.accessToken, { method: 'PATCH', url: `/admin/api/users/${adminId}`, payload: { password: 'i own you now!!' } })
  t.equal(takeover.statusCode, 403, 'cannot set an administrator password')
  t.equal((await as(manager.accessToken, { method: 'DELETE', url: `/admin/api/users/${adminId}` })).statusCode, 403)
  const editor = await as(manager.accessToken, { method: 'POST', url: '/admin/api/users', payload: { email: 'ed@example.test', password: 'long enough password', roles: ['editor'] } })
  t.equal(editor.statusCode, 201, 'ordinary users are fine')
})

eachDatabase(t, 'the last active administrator stays', async (t, db) => {
  const { login, as, createUser } = await bootIdentity(t, db)
  const admin = await login()
  const rootId = (await as(admin.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).json<{ data: { id: string } }>().data.id
  // An integration token with the administrator role, owned by a user who is not an administrator.
  const ownerId = await createUser(admin.accessToken, { email: 'bot@example.test', password: 'bot owner password' })
  const created = await as(admin.accessToken, { method: 'POST', url: '/admin/api/tokens', payload: { name: 'ops', role: 'administrator', userId: ownerId } })
  const token = created.json<{ data: { token: string } }>().data.token
  const rootUrl = `/admin/api/users/${rootId}`

  t.equal((await as(token, { method: 'PATCH', url: rootUrl, payload: { status: 'blocked' } })).statusCode, 409, 'no blocking the last admin')
  t.equal((await as(token, { method: 'PATCH', url: rootUrl, payload: { roles: ['editor'] } })).statusCode, 409, 'no demoting the last admin')
  t.equal((await as(token, { method: 'DELETE', url: rootUrl })).statusCode, 409, 'no deleting the last admin')
  t.equal((await as(admin.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 200, 'still in')

  await createUser(admin.accessToken, { email: 'second@example.test', password: 'second admin pw', roles: ['administrator'] })
  t.equal((await as(token, { method: 'PATCH', url: rootUrl, payload: { status: 'blocked' } })).statusCode, 200, 'fine with another admin')
})
