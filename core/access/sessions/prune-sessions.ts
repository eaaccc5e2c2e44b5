// Scheduled clean-up: refresh tokens expired for longer than an access token lives, then sessions
// left without any refresh token (every access token they issued has expired by then too).
import type { Knex } from 'knex'
import { toDbDateTime } from '../../db/dates.js'
import type { JobDefinition } from '../../kernel/module-types.js'
import { TABLES } from '../tables.js'

export async function pruneSessions (knex: Knex, accessTokenTtlSeconds: number, now = Date.now()): Promise<{ tokens: number, sessions: number }> {
  const cutoff = toDbDateTime(new Date(now - accessTokenTtlSeconds * 1000))
  const tokens = await knex(TABLES.refreshTokens).where('expires_at', '<', cutoff).delete()
  const sessions = await knex(TABLES.sessions)
    .whereNotExists(q => { void q.select(knex.raw('1')).from(`${TABLES.refreshTokens} as rt`).whereRaw('rt.family_id = ??', [`${TABLES.sessions}.id`]) })
    .delete()
  return { tokens, sessions }
}

export const pruneSessionsJob: JobDefinition = {
  name: 'core:prune-sessions',
  intervalMs: 3_600_000,
  async run (kernel) {
    await pruneSessions(kernel.db.knex, kernel.config.auth.accessTokenTtl)
  }
}
