// Helpers other subsystems call to keep role permissions in step with what exists: grant defaults
// (e.g. the editor role's content permissions) and drop permissions that no longer exist.
import type { Knex } from 'knex'
import { invalidateRoleCache } from './role-cache.js'
import { TABLES } from './tables.js'

/** Removes the named permissions from every role (a content type or workflow was deleted). */
export async function removeRolePermissions (knex: Knex, names: readonly string[]): Promise<number> {
  if (names.length === 0) return 0
  let removed = 0
  for (let i = 0; i < names.length; i += 500) {
    removed += await knex(TABLES.rolePermissions).whereIn('permission', names.slice(i, i + 500)).delete()
  }
  invalidateRoleCache(knex)
  return removed
}

/** Grants permissions to a role, keeping those it already has; a missing role is an error. */
export async function grantRolePermissions (knex: Knex, roleId: string, names: readonly string[]): Promise<void> {
  const role = await knex(TABLES.roles).where({ id: roleId }).first('id') as { id: string } | undefined
  if (!role) throw new Error(`Cannot grant permissions to the missing role "${roleId}"`)
  const unique = [...new Set(names)]
  if (unique.length > 0) {
    await knex(TABLES.rolePermissions)
      .insert(unique.map(permission => ({ role_id: roleId, permission })))
      .onConflict(['role_id', 'permission']).ignore()
  }
  invalidateRoleCache(knex)
}

/** The permissions each role holds, for listings. */
export async function permissionsByRole (knex: Knex, roleIds?: readonly string[]): Promise<Map<string, string[]>> {
  const query = knex(TABLES.rolePermissions).select('role_id', 'permission').orderBy(['role_id', 'permission'])
  if (roleIds) void query.whereIn('role_id', roleIds)
  const rows = await query as Array<{ role_id: string, permission: string }>
  const map = new Map<string, string[]>()
  for (const row of rows) {
    const list = map.get(row.role_id) ?? []
    list.push(row.permission)
    map.set(row.role_id, list)
  }
  return map
}
