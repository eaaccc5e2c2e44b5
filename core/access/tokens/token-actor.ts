// Resolves a Bearer API token to its actor: the token's role plus authenticated, acting for its
// owner. Revoked, expired, unknown tokens and blocked owners are refused (undefined → 401).
import type { Knex } from 'knex'
import { fromDbDateTime, nowDb } from '../../db/dates.js'
import type { Actor } from '../actor.js'
import { buildActor } from '../role-cache.js'
import { sha256Hex } from '../secrets.js'
import { TABLES } from '../tables.js'

/** last_used_at is written at most this often per token, not on every request. */
const TOUCH_INTERVAL_MS = 60_000

export interface TokenCredential { actor: Actor, tokenId: string }

interface TokenLookup {
  id: string
  role_id: string
  user_id: string
  expires_at: unknown
  revoked_at: unknown
  last_used_at: unknown
  status: string
}

export async function resolveApiToken (knex: Knex, token: string): Promise<TokenCredential | undefined> {
  const row = await knex(`${TABLES.apiTokens} as t`).join(`${TABLES.users} as u`, 'u.id', 't.user_id')
    .where('t.token_hash', sha256Hex(token))
    .first('t.id', 't.role_id', 't.user_id', 't.expires_at', 't.revoked_at', 't.last_used_at', 'u.status') as TokenLookup | undefined
  if (!row || row.revoked_at !== null || row.status !== 'active') return undefined
  const now = Date.now()
  const expires = fromDbDateTime(row.expires_at)
  if (expires !== null && Date.parse(expires) <= now) return undefined
  const lastUsed = fromDbDateTime(row.last_used_at)
  if (lastUsed === null || now - Date.parse(lastUsed) > TOUCH_INTERVAL_MS) {
    await knex(TABLES.apiTokens).where({ id: row.id }).update({ last_used_at: nowDb() })
  }
  return { actor: await buildActor(knex, 'token', row.user_id, [row.role_id]), tokenId: row.id }
}
