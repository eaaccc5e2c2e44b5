// Who is asking: resolved once per request (JWT, API token or anonymous) and passed to every
// operation. Administrators (the administrator role) hold every permission.
export interface Actor {
  kind: 'anonymous' | 'user' | 'token' | 'system'
  /** The user acting (for API tokens: the token's owner); null when anonymous. */
  userId: string | null
  roles: readonly string[]
  permissions: ReadonlySet<string>
  /** Holds every permission (the administrator role, or the system itself). */
  isAdmin: boolean
}

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous', userId: null, roles: ['anonymous'], permissions: new Set<string>(), isAdmin: false })

/** Internal work (seeding, scheduled jobs acting for the system). */
export const SYSTEM: Actor = Object.freeze({ kind: 'system', userId: null, roles: ['administrator'], permissions: new Set<string>(), isAdmin: true })

export function hasPermission (actor: Actor, permission: string): boolean {
  return actor.isAdmin || actor.permissions.has(permission)
}

export function isAuthenticated (actor: Actor): boolean {
  return actor.kind === 'user' || actor.kind === 'token'
}
