// Role → permission sets, cached in memory per database handle. Local role changes invalidate it
// at once; a one-second lifetime carries changes made by other processes (contract §7).
import type { Knex } from 'knex'
import type { Actor } from './actor.js'
import { TABLES } from './tables.js'

export interface RoleGrant { isAdmin: boolean, permissions: ReadonlySet<string> }
type RoleGrants = ReadonlyMap<string, RoleGrant>

const LIFETIME_MS = 1000

interface CacheEntry { generation: number, loadedAt: number, grants?: RoleGrants, loading?: Promise<RoleGrants> }

const caches = new WeakMap<Knex, CacheEntry>()

function entryFor (knex: Knex): CacheEntry {
  let entry = caches.get(knex)
  if (!entry) {
    entry = { generation: 0, loadedAt: 0 }
    caches.set(knex, entry)
  }
  return entry
}

async function load (knex: Knex): Promise<RoleGrants> {
  const rows = await knex(`${TABLES.roles} as r`)
    .leftJoin(`${TABLES.rolePermissions} as rp`, 'rp.role_id', 'r.id')
    .select('r.id as role', 'r.is_admin as isAdmin', 'rp.permission as permission') as Array<{ role: string, isAdmin: unknown, permission: string | null }>
  const grants = new Map<string, { isAdmin: boolean, permissions: Set<string> }>()
  for (const row of rows) {
    let grant = grants.get(row.role)
    if (!grant) {
      grant = { isAdmin: Boolean(Number(row.isAdmin)), permissions: new Set() }
      grants.set(row.role, grant)
    }
    if (row.permission !== null) grant.permissions.add(row.permission)
  }
  return grants
}

/** Every role's grant when the cache holds a fresh copy; undefined when it must be loaded. */
export function freshRoleGrants (knex: Knex): RoleGrants | undefined {
  const entry = caches.get(knex)
  return entry?.grants && Date.now() - entry.loadedAt < LIFETIME_MS ? entry.grants : undefined
}

/** Every role's grant, from the cache when fresh (one query otherwise). */
export async function roleGrants (knex: Knex): Promise<RoleGrants> {
  const fresh = freshRoleGrants(knex)
  if (fresh) return fresh
  const entry = entryFor(knex)
  if (entry.loading) return entry.loading
  const generation = entry.generation
  const loading = load(knex).then(grants => {
    if (entry.generation === generation) {
      entry.grants = grants
      entry.loadedAt = Date.now()
    }
    return grants
  }).finally(() => {
    if (entry.loading === loading) delete entry.loading
  })
  entry.loading = loading
  return loading
}

/** Call after any change to roles or role permissions. */
export function invalidateRoleCache (knex: Knex): void {
  const entry = entryFor(knex)
  entry.generation++
  delete entry.grants
  delete entry.loading
}

/**
 * The anonymous actor for a snapshot of the grants: one object per snapshot, so that everything
 * memoised per actor (its cache access key) is computed once, not per request.
 */
const anonymousActors = new WeakMap<RoleGrants, Actor>()

export function anonymousActor (grants: RoleGrants): Actor {
  let actor = anonymousActors.get(grants)
  if (!actor) anonymousActors.set(grants, actor = actorFrom(grants, 'anonymous', null, ['anonymous']))
  return actor
}

/** Builds an actor holding the union of its roles' permissions; admin when any role is. */
export async function buildActor (knex: Knex, kind: Actor['kind'], userId: string | null, roles: readonly string[]): Promise<Actor> {
  const implicit = kind === 'anonymous' ? 'anonymous' : 'authenticated'
  const grants = await roleGrants(knex)
  if (kind === 'anonymous' && roles.length === 0) return anonymousActor(grants)
  return actorFrom(grants, kind, userId, [...new Set([implicit, ...roles])])
}

function actorFrom (grants: RoleGrants, kind: Actor['kind'], userId: string | null, all: string[]): Actor {
  const permissions = new Set<string>()
  let isAdmin = false
  for (const role of all) {
    const grant = grants.get(role)
    if (!grant) continue
    if (grant.isAdmin) isAdmin = true
    for (const permission of grant.permissions) permissions.add(permission)
  }
  return Object.freeze({ kind, userId, roles: Object.freeze(all), permissions, isAdmin })
}
