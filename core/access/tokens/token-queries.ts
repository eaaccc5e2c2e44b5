// Reading API tokens: metadata only; the plain token is shown once at creation and never stored.
import type { Knex } from 'knex'
import { fromDbDateTime } from '../../db/dates.js'
import { CmsError } from '../../errors/cms-error.js'
import { TABLES } from '../tables.js'

export interface TokenRow {
  id: string
  token_hash: string
  hint: string
  name: string
  role_id: string
  user_id: string
  created_at: unknown
  expires_at: unknown
  revoked_at: unknown
  last_used_at: unknown
}

export interface ApiToken {
  id: string
  name: string
  role: string
  userId: string
  /** The first characters of the token, to recognise it. */
  hint: string
  created: string | null
  expires: string | null
  lastUsed: string | null
  revoked: string | null
}

export function toApiToken (row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role_id,
    userId: row.user_id,
    hint: row.hint,
    created: fromDbDateTime(row.created_at),
    expires: fromDbDateTime(row.expires_at),
    lastUsed: fromDbDateTime(row.last_used_at),
    revoked: fromDbDateTime(row.revoked_at)
  }
}

export async function listTokens (knex: Knex): Promise<ApiToken[]> {
  const rows = await knex(TABLES.apiTokens).select('*').orderBy('created_at', 'desc').orderBy('id') as TokenRow[]
  return rows.map(toApiToken)
}

export async function getToken (knex: Knex, id: string): Promise<ApiToken> {
  const row = await knex(TABLES.apiTokens).where({ id }).first() as TokenRow | undefined
  if (!row) throw new CmsError('NOT_FOUND', `No API token with id ${id}`)
  return toApiToken(row)
}
