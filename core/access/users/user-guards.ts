// Rules around who may change which user: assignable roles, administrator-only changes, and never
// leaving the site without an active administrator.
import type { Knex } from 'knex'
import { CmsError, validationError } from '../../errors/cms-error.js'
import { bodyValidator } from '../../http/body-validator.js'
import type { Actor } from '../actor.js'
import { passwordProblem } from '../password.js'
import { IMPLICIT_ROLES, TABLES } from '../tables.js'

const checkEmail = bodyValidator<string>({ type: 'string', format: 'email', maxLength: 254 }, '/email')

export function assertEmail (email: string): void {
  checkEmail(email)
}

export function assertPassword (password: string, pointer = '/password'): void {
  const problem = passwordProblem(password)
  if (problem) throw validationError([{ pointer, detail: `The password ${problem}` }])
}

export async function adminRoleIds (knex: Knex): Promise<Set<string>> {
  const rows = await knex(TABLES.roles).where({ is_admin: true }).select('id') as Array<{ id: string }>
  return new Set(rows.map(r => r.id))
}

/** Roles must exist and be explicit; only administrators hand out administrator roles. */
export async function assertAssignableRoles (knex: Knex, actor: Actor, roles: readonly string[], current: readonly string[] = []): Promise<void> {
  const rows = await knex(TABLES.roles).whereIn('id', roles).select('id') as Array<{ id: string }>
  const known = new Set(rows.map(r => r.id))
  const violations = roles.flatMap((role, i) => {
    if (IMPLICIT_ROLES.has(role)) return [{ pointer: `/roles/${i}`, detail: `The role "${role}" is implicit and cannot be assigned` }]
    if (!known.has(role)) return [{ pointer: `/roles/${i}`, detail: `Unknown role "${role}"` }]
    return []
  })
  if (violations.length > 0) throw validationError(violations)
  if (actor.isAdmin) return
  const admin = await adminRoleIds(knex)
  const changed = [...roles.filter(r => !current.includes(r)), ...current.filter(r => !roles.includes(r))]
  if (changed.some(r => admin.has(r))) throw new CmsError('FORBIDDEN', 'Only administrators may grant or remove administrator roles')
}

/** True when the user holds a role that grants every permission. */
export async function isAdminUser (knex: Knex, userId: string): Promise<boolean> {
  const row = await knex(`${TABLES.userRoles} as ur`).join(`${TABLES.roles} as r`, 'r.id', 'ur.role_id')
    .where('ur.user_id', userId).andWhere('r.is_admin', true).first('r.id')
  return row !== undefined
}

/** Changing an administrator (password, status, deletion) needs an administrator. */
export async function assertMayManage (knex: Knex, actor: Actor, userId: string): Promise<void> {
  if (actor.isAdmin) return
  if (await isAdminUser(knex, userId)) throw new CmsError('FORBIDDEN', 'Only administrators may change an administrator account')
}

/** Refuses a change that would leave no active administrator besides `userId`. */
export async function assertAnotherAdmin (knex: Knex, userId: string): Promise<void> {
  if (!(await isAdminUser(knex, userId))) return
  const other = await knex(`${TABLES.userRoles} as ur`)
    .join(`${TABLES.roles} as r`, 'r.id', 'ur.role_id')
    .join(`${TABLES.users} as u`, 'u.id', 'ur.user_id')
    .where('r.is_admin', true).andWhere('u.status', 'active').andWhereNot('u.id', userId)
    .first('u.id')
  if (!other) throw new CmsError('CONFLICT', 'This is the last active administrator; keep at least one')
}
