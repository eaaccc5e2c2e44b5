// Resolves a verified access token's session to its actor on every request, in one query
// (session + user + roles): a revoked session, a blocked or deleted user is refused at once, and
// role changes apply on the next request. Role permissions come from the role cache.
import type { Knex } from 'knex'
import type { Actor } from '../actor.js'
import { buildActor } from '../role-cache.js'
import { TABLES } from '../tables.js'

export interface SessionCredential { actor: Actor, sessionId: string }

export async function resolveSession (knex: Knex, userId: string, sessionId: string): Promise<SessionCredential | undefined> {
  const rows = await knex(`${TABLES.sessions} as s`)
    .join(`${TABLES.users} as u`, 'u.id', 's.user_id')
    .leftJoin(`${TABLES.userRoles} as ur`, 'ur.user_id', 'u.id')
    .where('s.id', sessionId).andWhere('s.user_id', userId)
    .select('s.revoked_at', 'u.status', 'ur.role_id') as Array<{ revoked_at: unknown, status: string, role_id: string | null }>
  const first = rows[0]
  if (!first || first.revoked_at !== null || first.status !== 'active') return undefined
  const roles = rows.flatMap(r => r.role_id === null ? [] : [r.role_id])
  return { actor: await buildActor(knex, 'user', userId, roles), sessionId }
}
