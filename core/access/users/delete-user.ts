// Operation: delete a user. Never yourself, never the last active administrator; the user's
// sessions, roles and API tokens go with the row (foreign keys cascade).
import type { Knex } from 'knex'
import { CmsError } from '../../errors/cms-error.js'
import type { Actor } from '../actor.js'
import { TABLES } from '../tables.js'
import { assertAnotherAdmin, assertMayManage } from './user-guards.js'
import { findUserRow } from './user-queries.js'

export async function deleteUser (knex: Knex, actor: Actor, id: string): Promise<void> {
  if (actor.userId === id) throw new CmsError('FORBIDDEN', 'You cannot delete your own account')
  const row = await findUserRow(knex, id)
  if (!row) throw new CmsError('NOT_FOUND', `No user with id ${id}`)
  await assertMayManage(knex, actor, id)
  if (row.status === 'active') await assertAnotherAdmin(knex, id)
  await knex.transaction(async trx => {
    // Explicit deletes as well as the cascade: SQLite only cascades with foreign_keys = ON.
    const sessions = trx(TABLES.sessions).where({ user_id: id }).select('id')
    await trx(TABLES.refreshTokens).whereIn('family_id', sessions).delete()
    await trx(TABLES.sessions).where({ user_id: id }).delete()
    await trx(TABLES.apiTokens).where({ user_id: id }).delete()
    await trx(TABLES.userRoles).where({ user_id: id }).delete()
    await trx(TABLES.users).where({ id }).delete()
  })
}
