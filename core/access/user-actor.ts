// The actor of a user outside a request (scheduled work acting on the user's behalf): active
// users only, with their current roles, so blocking or demoting someone also stops their jobs.
import type { Knex } from 'knex'
import type { Actor } from './actor.js'
import { buildActor } from './role-cache.js'
import { TABLES } from './tables.js'

export async function actorForUser (knex: Knex, userId: string): Promise<Actor | undefined> {
  const rows = await knex(`${TABLES.users} as u`)
    .leftJoin(`${TABLES.userRoles} as ur`, 'ur.user_id', 'u.id')
    .where('u.id', userId)
    .select('u.status', 'ur.role_id') as Array<{ status: string, role_id: string | null }>
  if (rows[0]?.status !== 'active') return undefined
  return buildActor(knex, 'user', userId, rows.flatMap(r => r.role_id === null ? [] : [r.role_id]))
}
