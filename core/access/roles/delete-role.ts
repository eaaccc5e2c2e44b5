// Operation: delete a role. Built-in roles stay (409); users lose the role and API tokens that
// carry it are revoked, in one transaction.
import type { Knex } from 'knex'
import { nowDb } from '../../db/dates.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Actor } from '../actor.js'
import { invalidateRoleCache } from '../role-cache.js'
import { BUILT_IN_ROLE_IDS, TABLES } from '../tables.js'
import { findRoleRow } from './role-queries.js'

export async function deleteRole (knex: Knex, actor: Actor, id: string): Promise<void> {
  const row = await findRoleRow(knex, id)
  if (!row) throw new CmsError('NOT_FOUND', `No role with id ${id}`)
  if (BUILT_IN_ROLE_IDS.has(id)) throw new CmsError('CONFLICT', `The built-in role ${id} cannot be deleted`)
  if (Boolean(Number(row.is_admin)) && !actor.isAdmin) throw new CmsError('FORBIDDEN', 'Only administrators delete administrator roles')
  try {
    await knex.transaction(async trx => {
      await trx(TABLES.apiTokens).where({ role_id: id }).whereNull('revoked_at').update({ revoked_at: nowDb() })
      await trx(TABLES.rolePermissions).where({ role_id: id }).delete()
      await trx(TABLES.userRoles).where({ role_id: id }).delete()
      await trx(TABLES.roles).where({ id }).delete()
    })
  } finally {
    invalidateRoleCache(knex)
  }
}
