// Operation: rotate a refresh token. The presented token is spent and a new one joins its family.
// Presenting a spent token again (theft or replay) revokes the whole family.
import type { Knex } from 'knex'
import { fromDbDateTime, nowDb } from '../../db/dates.js'
import { looksLikeSecret, REFRESH_TOKEN_PREFIX, sha256Hex } from '../secrets.js'
import { TABLES } from '../tables.js'
import { issueRefreshToken } from './login.js'
import { revokeSession } from './revoke-sessions.js'

export interface Rotated { userId: string, sessionId: string, refreshToken: string }

interface Found {
  token_hash: string
  family_id: string
  expires_at: unknown
  spent_at: unknown
  revoked_at: unknown
  session_revoked_at: unknown
  user_id: string
  status: string
}

/** The next refresh token, or undefined (answer 401) for anything unusable. */
export async function rotateRefreshToken (knex: Knex, presented: string, ttlSeconds: number): Promise<Rotated | undefined> {
  if (!looksLikeSecret(presented, REFRESH_TOKEN_PREFIX)) return undefined
  const hash = sha256Hex(presented)
  const found = await knex(`${TABLES.refreshTokens} as rt`)
    .join(`${TABLES.sessions} as s`, 's.id', 'rt.family_id')
    .join(`${TABLES.users} as u`, 'u.id', 's.user_id')
    .where('rt.token_hash', hash)
    .first('rt.token_hash', 'rt.family_id', 'rt.expires_at', 'rt.spent_at', 'rt.revoked_at', 's.revoked_at as session_revoked_at', 's.user_id', 'u.status') as Found | undefined
  if (!found) return undefined
  if (found.spent_at !== null) {
    // Reuse: whoever holds the newer token of this family is cut off too.
    await revokeSession(knex, found.family_id)
    return undefined
  }
  const expires = fromDbDateTime(found.expires_at)
  if (found.revoked_at !== null || found.session_revoked_at !== null || found.status !== 'active') return undefined
  if (expires === null || Date.parse(expires) <= Date.now()) return undefined

  const next = await knex.transaction(async trx => {
    // Spend it only if nobody else did meanwhile (two concurrent refreshes = reuse).
    const spent = await trx(TABLES.refreshTokens).where({ token_hash: hash }).whereNull('spent_at').update({ spent_at: nowDb() })
    if (spent !== 1) return undefined
    return issueRefreshToken(trx, found.family_id, ttlSeconds)
  })
  if (next === undefined) {
    await revokeSession(knex, found.family_id)
    return undefined
  }
  return { userId: found.user_id, sessionId: found.family_id, refreshToken: next }
}
