// Operation: create an API token carrying one role. Returns the plain token once; only its
// SHA-256 hash is stored. Only administrators create tokens with an administrator role.
import type { Knex } from 'knex'
import { v7 as uuidv7 } from 'uuid'
import { nowDb, toDbDateTime } from '../../db/dates.js'
import { CmsError, validationError } from '../../errors/cms-error.js'
import type { Actor } from '../actor.js'
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from '../secrets.js'
import { TABLES } from '../tables.js'
import { getToken, type ApiToken } from './token-queries.js'

export interface CreateTokenInput { name: string, role: string, expires?: string, userId?: string }

export async function createToken (knex: Knex, actor: Actor, input: CreateTokenInput): Promise<ApiToken & { token: string }> {
  // 1. Validate: the role exists (and is not anonymous), the expiry is in the future, the owner exists.
  const role = await knex(TABLES.roles).where({ id: input.role }).first('id', 'is_admin') as { id: string, is_admin: unknown } | undefined
  if (!role || role.id === 'anonymous') throw validationError([{ pointer: '/role', detail: `Unknown role "${input.role}"` }])
  if (Boolean(Number(role.is_admin)) && !actor.isAdmin) throw new CmsError('FORBIDDEN', 'Only administrators create tokens with an administrator role', { source: { pointer: '/role' } })
  let expires: string | null = null
  if (input.expires !== undefined) {
    const when = new Date(input.expires)
    if (Number.isNaN(when.getTime()) || when.getTime() <= Date.now()) throw validationError([{ pointer: '/expires', detail: 'The expiry must be a date-time in the future' }])
    expires = toDbDateTime(when)
  }
  const userId = input.userId ?? actor.userId
  if (userId === null) throw validationError([{ pointer: '/userId', detail: 'A token needs an owner' }])
  const owner = await knex(TABLES.users).where({ id: userId }).first('id')
  if (!owner) throw validationError([{ pointer: '/userId', detail: `Unknown user ${userId}` }])

  // 2. Write the hash; hand back the plain token once.
  const token = newSecret(API_TOKEN_PREFIX)
  const id = uuidv7()
  await knex(TABLES.apiTokens).insert({
    id,
    token_hash: sha256Hex(token),
    hint: token.slice(0, API_TOKEN_PREFIX.length + 4),
    name: input.name,
    role_id: role.id,
    user_id: userId,
    created_at: nowDb(),
    expires_at: expires,
    revoked_at: null,
    last_used_at: null
  })
  return { ...(await getToken(knex, id)), token }
}
