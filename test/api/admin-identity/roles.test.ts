// /admin/api/roles CRUD: permissions set as a list and checked against the catalogue (422 per
// unknown name), built-in roles kept (409), and /admin/api/permissions lists the catalogue,
// runtime-provided permissions included.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity } from '../auth/helpers.js'

interface Errors { errors: Array<{ source?: { pointer?: string } }> }

eachDatabase(t, 'roles can be created, read, changed and deleted', async (t, db) => {
  const { kernel, login, as } = await bootIdentity(t, db)
  kernel.permissionProviders.push(() => [{ name: 'create page content', title: 'Page: create new content', module: 'core' }])
  const { accessToken } = await login()
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    as(accessToken, { method, url, ...(payload ? { payload } : {}) })

  const listed = (await api('GET', '/admin/api/roles')).json<{ data: Array<{ id: string, builtIn: boolean, isAdmin: boolean }> }>().data
  t.same(listed.map(r => r.id), ['anonymous', 'authenticated', 'editor', 'administrator'])
  t.ok(listed.every(r => r.builtIn))
  t.same(listed.filter(r => r.isAdmin).map(r => r.id), ['administrator'])

  const created = await api('POST', '/admin/api/roles', { id: 'reviewer', label: 'Reviewer', permissions: ['create page content', 'administer users'] })
  t.equal(created.statusCode, 201)
  t.match(created.json<{ data: unknown }>().data, { id: 'reviewer', label: 'Reviewer', isAdmin: false, builtIn: false, permissions: ['administer users', 'create page content'] })
  t.equal((await api('POST', '/admin/api/roles', { id: 'reviewer', label: 'Again' })).statusCode, 409, 'duplicate id')
  t.equal((await api('POST', '/admin/api/roles', { id: 'Bad-Id', label: 'Bad' })).statusCode, 422, 'machine name pattern')

  const unknown = await api('POST', '/admin/api/roles', { id: 'other', label: 'Other', permissions: ['administer users', 'fly to the moon', 'teleport'] })
  t.equal(unknown.statusCode, 422, 'unknown permissions')
  t.same(unknown.json<Errors>().errors.map(e => e.source?.pointer), ['/permissions/1', '/permissions/2'])
  t.equal((await api('GET', '/admin/api/roles/other')).statusCode, 404, 'nothing written')

  const changed = await api('PATCH', '/admin/api/roles/reviewer', { label: 'Reviewers', permissions: ['bypass content access'] })
  t.equal(changed.statusCode, 200)
  t.match(changed.json<{ data: unknown }>().data, { label: 'Reviewers', permissions: ['bypass content access'] })
  t.equal((await api('PATCH', '/admin/api/roles/reviewer', { permissions: ['nope'] })).statusCode, 422)
  t.equal((await api('PATCH', '/admin/api/roles/administrator', { isAdmin: false })).statusCode, 422, 'administrator stays admin')
  t.equal((await api('PATCH', '/admin/api/roles/anonymous', { isAdmin: true })).statusCode, 422, 'anonymous never admin')

  t.equal((await api('DELETE', '/admin/api/roles/editor')).statusCode, 409, 'built-in role')
  t.equal((await api('DELETE', '/admin/api/roles/reviewer')).statusCode, 204)
  t.equal((await api('GET', '/admin/api/roles/reviewer')).statusCode, 404)
})

eachDatabase(t, 'the permission catalogue', async (t, db) => {
  const { kernel, login, as, createUser } = await bootIdentity(t, db)
  kernel.permissionProviders.push(() => [{ name: 'create page content', title: 'Page: create new content', module: 'content' }])
  const admin = await login()
  const response = await as(admin.accessToken, { method: 'GET', url: '/admin/api/permissions' })
  t.equal(response.statusCode, 200)
  const permissions = response.json<{ data: Array<{ name: string, module: string, title: string }> }>().data
  for (const name of ['administer users', 'administer roles', 'administer content types', 'bypass content access']) {
    t.match(permissions.find(p => p.name === name), { module: 'core', title: String }, name)
  }
  t.match(permissions.find(p => p.name === 'create page content'), { module: 'content' }, 'runtime-provided')
  t.notOk(permissions.some(p => p.name === 'access admin api'), 'authenticated is enough for the admin API')

  await createUser(admin.accessToken, { email: 'ed@example.test', password: 'editor password 1', roles: ['editor'] })
  const editor = await login('ed@example.test', 'editor password 1')
  t.equal((await as(editor.accessToken, { method: 'GET', url: '/admin/api/permissions' })).statusCode, 200, 'any authenticated caller')
  t.equal((await as(editor.accessToken, { method: 'GET', url: '/admin/api/roles' })).statusCode, 403, 'roles need "administer roles"')
})
