// Operation: check credentials and open a session. Unknown email, wrong password and a blocked
// account all answer `undefined` after the same scrypt work, so callers answer them alike.
import type { Knex } from 'knex'
import { v7 as uuidv7 } from 'uuid'
import { nowDb, toDbDateTime } from '../../db/dates.js'
import { verifyDummyPassword, verifyPassword } from '../password.js'
import { newSecret, REFRESH_TOKEN_PREFIX, sha256Hex } from '../secrets.js'
import { TABLES } from '../tables.js'
import { normaliseEmail, type UserRow } from '../users/user-queries.js'

export async function authenticate (knex: Knex, email: string, password: string): Promise<UserRow | undefined> {
  const row = await knex(TABLES.users).where({ email: normaliseEmail(email) }).first() as UserRow | undefined
  if (!row) return verifyDummyPassword(password).then(() => undefined)
  const ok = await verifyPassword(password, row.password_hash)
  return ok && row.status === 'active' ? row : undefined
}

export interface OpenedSession { sessionId: string, refreshToken: string }

/** Inserts a refresh token into a family (inside the caller's transaction or alone). */
export async function issueRefreshToken (knex: Knex, familyId: string, ttlSeconds: number): Promise<string> {
  const refreshToken = newSecret(REFRESH_TOKEN_PREFIX)
  await knex(TABLES.refreshTokens).insert({
    token_hash: sha256Hex(refreshToken),
    family_id: familyId,
    created_at: nowDb(),
    expires_at: toDbDateTime(new Date(Date.now() + ttlSeconds * 1000)),
    spent_at: null,
    revoked_at: null
  })
  return refreshToken
}

/** A new session (refresh-token family) with its first refresh token. */
export async function openSession (knex: Knex, userId: string, refreshTtlSeconds: number): Promise<OpenedSession> {
  const sessionId = uuidv7()
  const refreshToken = await knex.transaction(async trx => {
    await trx(TABLES.sessions).insert({ id: sessionId, user_id: userId, created_at: nowDb(), revoked_at: null })
    return issueRefreshToken(trx, sessionId, refreshTtlSeconds)
  })
  return { sessionId, refreshToken }
}
