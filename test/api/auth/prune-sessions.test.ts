// The session clean-up job deletes long-expired refresh tokens and the sessions left without any,
// and keeps live sessions working.
import t from 'tap'
import { pruneSessions } from '../../../core/access/sessions/prune-sessions.js'
import { TABLES } from '../../../core/access/tables.js'
import { sha256Hex } from '../../../core/access/secrets.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity } from './helpers.js'

eachDatabase(t, 'expired sessions are pruned, live ones kept', async (t, db) => {
  const { kernel, login, as } = await bootIdentity(t, db)
  const { knex } = kernel.db
  t.ok(kernel.registries.jobs.has('core:prune-sessions'), 'registered as a scheduled job')
  const stale = await login()
  const live = await login()
  await knex(TABLES.refreshTokens).where({ token_hash: sha256Hex(stale.refreshToken) }).update({ expires_at: '2001-01-01 00:00:00.000' })

  t.same(await pruneSessions(knex, kernel.config.auth.accessTokenTtl), { tokens: 1, sessions: 1 })
  const [count] = await knex(TABLES.sessions).count({ n: '*' }) as Array<{ n: number | string }>
  t.equal(Number(count?.n), 1, 'one session left')
  t.equal((await as(live.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 200, 'live session untouched')
  t.equal((await as(stale.accessToken, { method: 'GET', url: '/admin/api/auth/me' })).statusCode, 401, 'pruned session gone')
  t.same(await pruneSessions(knex, kernel.config.auth.accessTokenTtl), { tokens: 0, sessions: 0 }, 'idempotent')
})
