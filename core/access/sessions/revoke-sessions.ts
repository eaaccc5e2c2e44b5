// Operation: revoke login sessions (refresh-token families). A revoked session's access tokens
// stop working on the next request, because every request checks its session.
import type { Knex } from 'knex'
import { nowDb } from '../../db/dates.js'
import { TABLES } from '../tables.js'

/** Revokes one family: the session and every refresh token in it. */
export async function revokeSession (knex: Knex, sessionId: string): Promise<void> {
  const now = nowDb()
  await knex.transaction(async trx => {
    await trx(TABLES.sessions).where({ id: sessionId }).whereNull('revoked_at').update({ revoked_at: now })
    await trx(TABLES.refreshTokens).where({ family_id: sessionId }).whereNull('revoked_at').update({ revoked_at: now })
  })
}

/** Revokes every session of a user, except `keepSessionId` (the caller's own, after a password change). */
export async function revokeUserSessions (knex: Knex, userId: string, keepSessionId?: string): Promise<void> {
  const now = nowDb()
  const run = async (trx: Knex.Transaction): Promise<void> => {
    const sessions = trx(TABLES.sessions).where({ user_id: userId }).whereNull('revoked_at')
    if (keepSessionId !== undefined) void sessions.whereNot({ id: keepSessionId })
    const ids = (await sessions.clone().select('id') as Array<{ id: string }>).map(r => r.id)
    if (ids.length === 0) return
    await trx(TABLES.sessions).whereIn('id', ids).update({ revoked_at: now })
    await trx(TABLES.refreshTokens).whereIn('family_id', ids).whereNull('revoked_at').update({ revoked_at: now })
  }
  // Join the caller's transaction when given one; otherwise open our own.
  if (knex.isTransaction) await run(knex as Knex.Transaction)
  else await knex.transaction(run)
}
