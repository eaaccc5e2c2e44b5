// Reading roles with their permissions, and checking permission lists against the catalogue.
import type { Knex } from 'knex'
import { fromDbDateTime } from '../../db/dates.js'
import { CmsError, validationError } from '../../errors/cms-error.js'
import { permissionsByRole } from '../role-permissions.js'
import { BUILT_IN_ROLE_IDS, TABLES } from '../tables.js'

export interface RoleRow { id: string, label: string, is_admin: unknown, weight: number, created_at: unknown, changed_at: unknown }

export interface Role {
  id: string
  label: string
  isAdmin: boolean
  weight: number
  builtIn: boolean
  permissions: string[]
  created: string | null
  changed: string | null
}

function toRole (row: RoleRow, permissions: string[]): Role {
  return {
    id: row.id,
    label: row.label,
    isAdmin: Boolean(Number(row.is_admin)),
    weight: Number(row.weight),
    builtIn: BUILT_IN_ROLE_IDS.has(row.id),
    permissions,
    created: fromDbDateTime(row.created_at),
    changed: fromDbDateTime(row.changed_at)
  }
}

export async function listRoles (knex: Knex): Promise<Role[]> {
  const rows = await knex(TABLES.roles).select('*').orderBy(['weight', 'id']) as RoleRow[]
  const permissions = await permissionsByRole(knex)
  return rows.map(row => toRole(row, permissions.get(row.id) ?? []))
}

export async function findRoleRow (knex: Knex, id: string): Promise<RoleRow | undefined> {
  return await knex(TABLES.roles).where({ id }).first() as RoleRow | undefined
}

/** The role or a 404. */
export async function getRole (knex: Knex, id: string): Promise<Role> {
  const row = await findRoleRow(knex, id)
  if (!row) throw new CmsError('NOT_FOUND', `No role with id ${id}`)
  return toRole(row, (await permissionsByRole(knex, [id])).get(id) ?? [])
}

/** Every name must be a known permission: one 422 violation per unknown name. */
export function assertKnownPermissions (names: readonly string[], known: ReadonlySet<string>): void {
  const violations = names.flatMap((name, i) => known.has(name) ? [] : [{ pointer: `/permissions/${i}`, detail: `Unknown permission "${name}"` }])
  if (violations.length > 0) throw validationError(violations)
}

/** Replaces a role's permissions inside the caller's transaction. */
export async function writePermissions (trx: Knex.Transaction, roleId: string, names: readonly string[]): Promise<void> {
  await trx(TABLES.rolePermissions).where({ role_id: roleId }).delete()
  const unique = [...new Set(names)]
  for (let i = 0; i < unique.length; i += 500) {
    await trx(TABLES.rolePermissions).insert(unique.slice(i, i + 500).map(permission => ({ role_id: roleId, permission })))
  }
}
