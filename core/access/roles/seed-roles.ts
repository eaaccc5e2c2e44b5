// Seeds the built-in roles when absent (idempotent; safe when two processes boot together). A role
// seeded now gets its default permissions; roles that already exist are left as administered.
import type { Knex } from 'knex'
import { nowDb } from '../../db/dates.js'
import { ACCESS_CONTENT } from '../content-permissions.js'
import { invalidateRoleCache } from '../role-cache.js'
import { grantRolePermissions } from '../role-permissions.js'
import { BUILT_IN_ROLES, TABLES } from '../tables.js'

/** Defaults for freshly seeded roles; the content layer grants the editor's per-type ones. */
const DEFAULT_PERMISSIONS: Record<string, readonly string[]> = {
  anonymous: [ACCESS_CONTENT],
  authenticated: [ACCESS_CONTENT]
}

export async function seedBuiltInRoles (knex: Knex): Promise<void> {
  const existing = new Set((await knex(TABLES.roles).select('id') as Array<{ id: string }>).map(r => r.id))
  const missing = BUILT_IN_ROLES.filter(r => !existing.has(r.id))
  if (missing.length === 0) return
  const now = nowDb()
  await knex(TABLES.roles)
    .insert(missing.map(r => ({ id: r.id, label: r.label, is_admin: r.isAdmin, weight: r.weight, created_at: now, changed_at: now })))
    .onConflict('id').ignore()
  for (const role of missing) {
    const defaults = DEFAULT_PERMISSIONS[role.id]
    if (defaults) await grantRolePermissions(knex, role.id, defaults)
  }
  invalidateRoleCache(knex)
}
