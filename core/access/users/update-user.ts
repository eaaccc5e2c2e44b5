// Operation: change a user. Users never change their own roles, status or (here) password; only
// administrators change administrators; blocking or a new password ends the user's sessions.
import type { Knex } from 'knex'
import { nowDb } from '../../db/dates.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Actor } from '../actor.js'
import { hashPassword } from '../password.js'
import { revokeUserSessions } from '../sessions/revoke-sessions.js'
import { TABLES, type UserStatus } from '../tables.js'
import { isUniqueViolation } from '../unique-violation.js'
import { adminRoleIds, assertAnotherAdmin, assertAssignableRoles, assertEmail, assertMayManage, assertPassword } from './user-guards.js'
import { emailTaken, findUserRow, getUser, normaliseEmail, rolesOfUsers, type User } from './user-queries.js'

export interface UpdateUserInput {
  email?: string
  displayName?: string
  password?: string
  status?: UserStatus
  roles?: string[]
}

const taken = (): CmsError => new CmsError('CONFLICT', 'A user with this email already exists', { source: { pointer: '/email' } })

export async function updateUser (knex: Knex, actor: Actor, id: string, input: UpdateUserInput): Promise<User> {
  // 1. Access.
  const row = await findUserRow(knex, id)
  if (!row) throw new CmsError('NOT_FOUND', `No user with id ${id}`)
  if (actor.userId === id) {
    if (input.roles !== undefined) throw new CmsError('FORBIDDEN', 'You cannot change your own roles', { source: { pointer: '/roles' } })
    if (input.status !== undefined) throw new CmsError('FORBIDDEN', 'You cannot change your own status', { source: { pointer: '/status' } })
    if (input.password !== undefined) throw new CmsError('FORBIDDEN', 'Change your own password through /admin/api/auth/password', { source: { pointer: '/password' } })
  }
  await assertMayManage(knex, actor, id)

  // 2. Validate.
  const changes: Record<string, unknown> = {}
  if (input.email !== undefined) {
    assertEmail(input.email)
    changes.email = normaliseEmail(input.email)
    if (await emailTaken(knex, changes.email as string, id)) throw taken()
  }
  if (input.displayName !== undefined) changes.display_name = input.displayName
  if (input.password !== undefined) assertPassword(input.password)
  const current = (await rolesOfUsers(knex, [id])).get(id) ?? []
  let roles: string[] | undefined
  if (input.roles !== undefined) {
    roles = [...new Set(input.roles)]
    await assertAssignableRoles(knex, actor, roles, current)
    const admin = await adminRoleIds(knex)
    if (!roles.some(r => admin.has(r))) await assertAnotherAdmin(knex, id)
  }
  if (input.status === 'blocked' && row.status !== 'blocked') await assertAnotherAdmin(knex, id)
  if (input.status !== undefined) changes.status = input.status
  if (input.password !== undefined) changes.password_hash = await hashPassword(input.password)

  // 3. Write; a new password or a block ends every session of the user.
  try {
    await knex.transaction(async trx => {
      await trx(TABLES.users).where({ id }).update({ ...changes, changed_at: nowDb() })
      if (roles) {
        await trx(TABLES.userRoles).where({ user_id: id }).delete()
        if (roles.length > 0) await trx(TABLES.userRoles).insert(roles.map(role => ({ user_id: id, role_id: role })))
      }
      if (input.password !== undefined || changes.status === 'blocked') await revokeUserSessions(trx, id)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw taken()
    throw error
  }
  return getUser(knex, id)
}
