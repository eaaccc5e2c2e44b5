// Refresh tokens rotate (the old one is spent); reusing a spent one revokes the whole family, so
// even its newest refresh token and its access tokens are refused afterwards.
import t from 'tap'
import { TABLES } from '../../../core/access/tables.js'
import { sha256Hex } from '../../../core/access/secrets.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity, type Tokens } from './helpers.js'

eachDatabase(t, 'refresh rotates, and reuse revokes the family', async (t, db) => {
  const { app, kernel, login, as } = await bootIdentity(t, db)
  const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/admin/api/auth/refresh', payload: { refreshToken } })
  const first = await login()
  const other = await login()

  const rotated = await refresh(first.refreshToken)
  t.equal(rotated.statusCode, 200)
  const second = rotated.json<Tokens>()
  t.not(second.refreshToken, first.refreshToken, 'a new refresh token')
  t.not(second.accessToken, first.accessToken, 'a new access token')
  t.equal(second.tokenType, 'Bearer')
  t.equal((await as(second.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 200)

  const stored = await kernel.db.knex(TABLES.refreshTokens).where({ token_hash: sha256Hex(first.refreshToken) }).first() as { spent_at: unknown }
  t.not(stored.spent_at, null, 'the old token is spent (and stored only as its hash)')
  t.equal(await kernel.db.knex(TABLES.refreshTokens).where({ token_hash: first.refreshToken }).first(), undefined, 'never stored in plain text')

  const third = (await refresh(second.refreshToken)).json<Tokens>()
  const reuse = await refresh(first.refreshToken)
  t.equal(reuse.statusCode, 401, 'a spent token is refused')
  t.equal((await refresh(third.refreshToken)).statusCode, 401, 'the newest token of the family is revoked too')
  t.equal((await as(third.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 401, 'and its access token')
  t.equal((await as(other.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 200, 'another session lives on')
  t.equal((await refresh(other.refreshToken)).statusCode, 200)
})

eachDatabase(t, 'unknown, malformed and expired refresh tokens are 401', async (t, db) => {
  const { app, kernel, login } = await bootIdentity(t, db, { auth: { refreshTokenTtl: 60 } })
  const refresh = (refreshToken: unknown) => app.inject({ method: 'POST', url: '/admin/api/auth/refresh', payload: { refreshToken } })
  t.equal((await refresh('cmsr_' + 'A'.repeat(43))).statusCode, 401, 'unknown')
  t.equal((await refresh('garbage')).statusCode, 401, 'malformed')
  t.equal((await refresh(42)).statusCode, 422, 'not a string')
  const tokens = await login()
  await kernel.db.knex(TABLES.refreshTokens).where({ token_hash: sha256Hex(tokens.refreshToken) }).update({ expires_at: '2000-01-01 00:00:00.000' })
  t.equal((await refresh(tokens.refreshToken)).statusCode, 401, 'expired')
})
