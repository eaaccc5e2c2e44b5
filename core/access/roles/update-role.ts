// Operation: change a role's label, weight, admin flag or permission list (replaced as a whole).
// The implicit roles can never hold every permission, and the administrator role always does.
import type { Knex } from 'knex'
import { nowDb } from '../../db/dates.js'
import { CmsError, validationError } from '../../errors/cms-error.js'
import type { Actor } from '../actor.js'
import { invalidateRoleCache } from '../role-cache.js'
import { permissionsByRole } from '../role-permissions.js'
import { IMPLICIT_ROLES, TABLES } from '../tables.js'
import { assertKnownPermissions, findRoleRow, getRole, writePermissions, type Role } from './role-queries.js'

export interface UpdateRoleInput { label?: string, isAdmin?: boolean, weight?: number, permissions?: string[] }

export async function updateRole (knex: Knex, actor: Actor, known: ReadonlySet<string>, id: string, input: UpdateRoleInput): Promise<Role> {
  const row = await findRoleRow(knex, id)
  if (!row) throw new CmsError('NOT_FOUND', `No role with id ${id}`)
  const wasAdmin = Boolean(Number(row.is_admin))
  if (input.isAdmin !== undefined && input.isAdmin !== wasAdmin) {
    if (!actor.isAdmin) throw new CmsError('FORBIDDEN', 'Only administrators change whether a role holds every permission', { source: { pointer: '/isAdmin' } })
    if (id === 'administrator') throw validationError([{ pointer: '/isAdmin', detail: 'The administrator role always holds every permission' }])
    if (input.isAdmin && IMPLICIT_ROLES.has(id)) throw validationError([{ pointer: '/isAdmin', detail: `The ${id} role cannot hold every permission` }])
  }
  if (wasAdmin && !actor.isAdmin) throw new CmsError('FORBIDDEN', 'Only administrators change administrator roles')
  if (input.permissions !== undefined) {
    // A permission the role already holds may stay even if its module is gone (read-modify-write).
    const held = (await permissionsByRole(knex, [id])).get(id) ?? []
    assertKnownPermissions(input.permissions, new Set([...known, ...held]))
  }

  const changes: Record<string, unknown> = { changed_at: nowDb() }
  if (input.label !== undefined) changes.label = input.label
  if (input.weight !== undefined) changes.weight = input.weight
  if (input.isAdmin !== undefined) changes.is_admin = input.isAdmin
  try {
    await knex.transaction(async trx => {
      await trx(TABLES.roles).where({ id }).update(changes)
      if (input.permissions !== undefined) await writePermissions(trx, id, input.permissions)
    })
  } finally {
    invalidateRoleCache(knex)
  }
  return getRole(knex, id)
}
