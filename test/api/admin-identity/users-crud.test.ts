// /admin/api/users CRUD: created users answer without their hash, emails are unique whatever
// their case, bodies are validated without coercion, and the permission is required.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity } from '../auth/helpers.js'

interface Errors { errors: Array<{ code: string, source?: { pointer?: string } }> }

eachDatabase(t, 'users can be listed, created, read, changed and deleted', async (t, db) => {
  const { login, as } = await bootIdentity(t, db)
  const { accessToken } = await login()
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    as(accessToken, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

  const created = await api('POST', '/admin/api/users', { email: 'Jane@Example.TEST', password: 'jane password 1', displayName: 'Jane', roles: ['editor'] })
  t.equal(created.statusCode, 201)
  const jane = created.json<{ data: Record<string, unknown> }>().data
  t.match(jane, { email: 'jane@example.test', displayName: 'Jane', status: 'active', roles: ['editor'] })
  t.match(String(jane.id), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/, 'a UUID v7')
  t.notMatch(created.body, /password|scrypt/i, 'never the password or its hash')

  const duplicate = await api('POST', '/admin/api/users', { email: 'JANE@example.test', password: 'another password' })
  t.equal(duplicate.statusCode, 409, 'email unique whatever the case')

  const list = await api('GET', '/admin/api/users?limit=1&offset=0')
  t.equal(list.statusCode, 200)
  const page = list.json<{ data: unknown[], meta: { total: number, limit: number } }>()
  t.equal(page.data.length, 1)
  t.same(page.meta, { total: 2, limit: 1, offset: 0 })
  t.equal((await api('GET', '/admin/api/users?sort=email')).statusCode, 400, 'unknown query parameter')

  const url = `/admin/api/users/${String(jane.id)}`
  t.equal((await api('GET', url)).json<{ data: { email: string } }>().data.email, 'jane@example.test')
  const changed = await api('PATCH', url, { displayName: 'Jane D.', email: 'jd@example.test', roles: [] })
  t.equal(changed.statusCode, 200)
  t.match(changed.json<{ data: unknown }>().data, { displayName: 'Jane D.', email: 'jd@example.test', roles: [] })
  t.equal((await api('PATCH', url, { email: 'ROOT@example.test' })).statusCode, 409, 'cannot take an existing email')

  t.equal((await api('DELETE', url)).statusCode, 204)
  t.equal((await api('GET', url)).statusCode, 404)
  t.equal((await api('DELETE', url)).statusCode, 404)
})

eachDatabase(t, 'user bodies are validated: 422 per violation, no coercion', async (t, db) => {
  const { login, as } = await bootIdentity(t, db)
  const { accessToken } = await login()
  const post = (payload: Record<string, unknown>) => as(accessToken, { method: 'POST', url: '/admin/api/users', payload })

  const many = await post({ email: 'x@example.test', password: 12345678901, status: 'sleeping', extra: 1 })
  t.equal(many.statusCode, 422)
  const pointers = many.json<Errors>().errors.map(e => e.source?.pointer).sort()
  t.same(pointers, ['/extra', '/password', '/status'])
  t.equal((await post({ email: 'not-an-email', password: 'long enough password' })).statusCode, 422, 'email format')
  t.equal((await post({ email: 'a@example.test', password: 'short' })).statusCode, 422, 'password too short')
  const role = await post({ email: 'b@example.test', password: 'long enough password', roles: ['editor', 'ghost'] })
  t.equal(role.statusCode, 422, 'unknown role')
  t.equal(role.json<Errors>().errors[0]?.source?.pointer, '/roles/1')
  t.equal((await post({ email: 'c@example.test', password: 'long enough password', roles: ['authenticated'] })).statusCode, 422, 'implicit role')
  const listed = await as(accessToken, { method: 'GET', url: '/admin/api/users' })
  t.equal(listed.json<{ data: unknown[] }>().data.length, 1, 'nothing was written')
})

eachDatabase(t, 'managing users needs "administer users"', async (t, db) => {
  const { login, as, createUser } = await bootIdentity(t, db)
  const admin = await login()
  await createUser(admin.accessToken, { email: 'ed@example.test', password: 'editor password 1', roles: ['editor'] })
  const editor = await login('ed@example.test', 'editor password 1')
  t.equal((await as(editor.accessToken, { method: 'GET', url: '/admin/api/users' })).statusCode, 403)
  const create = await as(editor.accessToken, { method: 'POST', url: '/admin/api/users', payload: { email: 'z@example.test', password: 'long enough password' } })
  t.equal(create.statusCode, 403)
  t.equal(create.json<Errors>().errors[0]?.code, 'FORBIDDEN')
})
