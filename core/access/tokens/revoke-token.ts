// Operation: revoke an API token (idempotent); it is refused from the next request on.
import type { Knex } from 'knex'
import { nowDb } from '../../db/dates.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Actor } from '../actor.js'
import { TABLES } from '../tables.js'

export async function revokeToken (knex: Knex, actor: Actor, id: string): Promise<void> {
  const row = await knex(`${TABLES.apiTokens} as t`).join(`${TABLES.roles} as r`, 'r.id', 't.role_id')
    .where('t.id', id).first('t.id', 'r.is_admin') as { id: string, is_admin: unknown } | undefined
  const exists = row ?? await knex(TABLES.apiTokens).where({ id }).first('id')
  if (!exists) throw new CmsError('NOT_FOUND', `No API token with id ${id}`)
  if (row && Boolean(Number(row.is_admin)) && !actor.isAdmin) throw new CmsError('FORBIDDEN', 'Only administrators revoke tokens with an administrator role')
  await knex(TABLES.apiTokens).where({ id }).whereNull('revoked_at').update({ revoked_at: nowDb() })
}
