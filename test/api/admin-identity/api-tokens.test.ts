// API tokens: shown once, stored only as a hash, usable as Bearer with their role, listed without
// the secret, revocable, refused once expired; the role must exist.
import t from 'tap'
import { TABLES } from '../../../core/access/tables.js'
import { sha256Hex } from '../../../core/access/secrets.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity } from '../auth/helpers.js'

interface Created { data: { id: string, token: string, role: string, hint: string } }

eachDatabase(t, 'API tokens from creation to revocation', async (t, db) => {
  const { kernel, login, as } = await bootIdentity(t, db)
  const { accessToken } = await login()
  const create = (payload: Record<string, unknown>) => as(accessToken, { method: 'POST', url: '/admin/api/tokens', payload })

  const created = await create({ name: 'frontend', role: 'editor' })
  t.equal(created.statusCode, 201)
  const { id, token, hint } = created.json<Created>().data
  t.match(token, /^cms_[\w-]{43}$/, 'a recognisable token')
  t.ok(token.startsWith(hint), 'the hint is a prefix only')

  const rows = await kernel.db.knex(TABLES.apiTokens).select('*') as Array<Record<string, unknown>>
  t.equal(rows.length, 1)
  t.notOk(Object.values(rows[0] ?? {}).some(v => String(v).includes(token.slice(8))), 'the plain token is not stored')
  t.equal(rows[0]?.token_hash, sha256Hex(token), 'its SHA-256 is')

  const list = await as(accessToken, { method: 'GET', url: '/admin/api/tokens' })
  t.equal(list.json<{ data: unknown[] }>().data.length, 1)
  t.notOk(list.body.includes(token.slice(8)), 'never listed again')
  t.notOk((await as(accessToken, { method: 'GET', url: `/admin/api/tokens/${id}` })).body.includes(token.slice(8)))

  const me = await as(token, { method: 'GET', url: '/admin/api/auth/me' })
  t.equal(me.statusCode, 200, 'usable as a Bearer token')
  t.match(me.json<{ data: unknown }>().data, { roles: ['authenticated', 'editor'], isAdmin: false, authenticatedWith: 'token' })
  t.equal((await as(token, { method: 'GET', url: '/admin/api/users' })).statusCode, 403, 'only its role\'s permissions')
  t.equal((await as(token, { method: 'POST', url: '/admin/api/auth/password', payload: { currentPassword: 'x', newPassword: 'y' } })).statusCode, 403, 'no password change through a token')

  t.equal((await as(accessToken, { method: 'DELETE', url: `/admin/api/tokens/${id}` })).statusCode, 204)
  t.equal((await as(token, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 401, 'revoked')
  t.equal((await as('cms_' + 'x'.repeat(43), { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 401, 'unknown')
  t.equal((await as('cms_short', { method: 'GET', url: '/health' })).statusCode, 401, 'malformed, even on an open route')
})

eachDatabase(t, 'expiry and role checks', async (t, db) => {
  const { kernel, login, as } = await bootIdentity(t, db)
  const { accessToken } = await login()
  const create = (payload: Record<string, unknown>) => as(accessToken, { method: 'POST', url: '/admin/api/tokens', payload })

  const unknownRole = await create({ name: 'x', role: 'ghost' })
  t.equal(unknownRole.statusCode, 422)
  t.equal(unknownRole.json<{ errors: Array<{ source: { pointer: string } }> }>().errors[0]?.source.pointer, '/role')
  t.equal((await create({ name: 'x', role: 'editor', expires: '2001-01-01T00:00:00Z' })).statusCode, 422, 'expiry in the past')
  t.equal((await create({ name: 'x', role: 'editor', expires: 'tomorrow' })).statusCode, 422, 'not a date-time')

  const future = new Date(Date.now() + 3600_000).toISOString()
  const created = await create({ name: 'short-lived', role: 'editor', expires: future })
  t.equal(created.statusCode, 201)
  const { id, token } = created.json<Created>().data
  t.equal((await as(token, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 200, 'valid before expiry')
  await kernel.db.knex(TABLES.apiTokens).where({ id }).update({ expires_at: '2001-01-01 00:00:00.000' })
  t.equal((await as(token, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 401, 'expired')
})
