// Operation: create a user (admin API, CLI, first administrator). Steps: normalise → check →
// hash → write user and roles in one transaction.
import type { Knex } from 'knex'
import { v7 as uuidv7 } from 'uuid'
import { nowDb } from '../../db/dates.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Actor } from '../actor.js'
import { hashPassword } from '../password.js'
import { TABLES, type UserStatus } from '../tables.js'
import { isUniqueViolation } from '../unique-violation.js'
import { assertAssignableRoles, assertEmail, assertPassword } from './user-guards.js'
import { emailTaken, getUser, normaliseEmail, type User } from './user-queries.js'

export interface CreateUserInput {
  email: string
  password: string
  displayName?: string
  status?: UserStatus
  roles?: string[]
}

export async function createUser (knex: Knex, actor: Actor, input: CreateUserInput): Promise<User> {
  // 1. Normalise and validate.
  assertEmail(input.email)
  const email = normaliseEmail(input.email)
  assertPassword(input.password)
  const roles = [...new Set(input.roles ?? [])]
  await assertAssignableRoles(knex, actor, roles)
  if (await emailTaken(knex, email)) throw new CmsError('CONFLICT', 'A user with this email already exists', { source: { pointer: '/email' } })

  // 2. Hash outside the transaction (slow by design).
  const passwordHash = await hashPassword(input.password)

  // 3. Write.
  const id = uuidv7()
  const now = nowDb()
  try {
    await knex.transaction(async trx => {
      await trx(TABLES.users).insert({
        id,
        email,
        display_name: input.displayName ?? email.split('@')[0] ?? email,
        password_hash: passwordHash,
        status: input.status ?? 'active',
        created_at: now,
        changed_at: now
      })
      if (roles.length > 0) await trx(TABLES.userRoles).insert(roles.map(role => ({ user_id: id, role_id: role })))
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new CmsError('CONFLICT', 'A user with this email already exists', { source: { pointer: '/email' } })
    throw error
  }
  return getUser(knex, id)
}
