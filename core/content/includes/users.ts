// Users as content API resources: only active accounts, only their public attributes (the
// display name), and only for callers who may see published content.
import type { Actor } from '../../access/actor.js'
import { hasPermission } from '../../access/actor.js'
import { ACCESS_CONTENT } from '../../access/content-permissions.js'
import { TABLES } from '../../access/tables.js'
import type { Knex } from 'knex'

export const USER_TYPE = 'user'

/** The attributes a user resource may show; never email, hashes, status or roles. */
export const USER_ATTRIBUTES = ['display_name'] as const

export interface PublicUser { id: string, displayName: string }

interface Row { id: string, display_name: string }

export function mayViewUsers (actor: Actor): boolean {
  return hasPermission(actor, ACCESS_CONTENT)
}

/** The visible users among `ids`, in the order of `ids`: one statement. */
export async function loadVisibleUsers (knex: Knex, actor: Actor, ids: readonly string[]): Promise<PublicUser[]> {
  if (ids.length === 0 || !mayViewUsers(actor)) return []
  const rows = await knex(TABLES.users).whereIn('id', [...new Set(ids)]).where('status', 'active').select('id', 'display_name') as Row[]
  const byId = new Map(rows.map(r => [r.id, r]))
  return ids.flatMap(id => {
    const row = byId.get(id)
    return row ? [{ id: row.id, displayName: row.display_name }] : []
  })
}

/** A page of visible users ordered by display name (then id): one statement. */
export async function listVisibleUsers (knex: Knex, actor: Actor, page: { offset: number, limit: number }, direction: 'asc' | 'desc'): Promise<{ users: PublicUser[], hasMore: boolean }> {
  if (!mayViewUsers(actor)) return { users: [], hasMore: false }
  const rows = await knex(TABLES.users).where('status', 'active').select('id', 'display_name')
    .orderBy([{ column: 'display_name', order: direction }, { column: 'id', order: direction }])
    .offset(page.offset).limit(page.limit + 1) as Row[]
  return { users: rows.slice(0, page.limit).map(r => ({ id: r.id, displayName: r.display_name })), hasMore: rows.length > page.limit }
}
