// Names of the identity tables and the built-in roles, shared by the migration and the queries.
export const TABLES = {
  users: 'cms_users',
  roles: 'cms_roles',
  userRoles: 'cms_user_roles',
  rolePermissions: 'cms_role_permissions',
  sessions: 'cms_sessions',
  refreshTokens: 'cms_refresh_tokens',
  apiTokens: 'cms_api_tokens'
} as const

export const BUILT_IN_ROLES = [
  { id: 'anonymous', label: 'Anonymous user', isAdmin: false, weight: 0 },
  { id: 'authenticated', label: 'Authenticated user', isAdmin: false, weight: 1 },
  { id: 'editor', label: 'Editor', isAdmin: false, weight: 2 },
  { id: 'administrator', label: 'Administrator', isAdmin: true, weight: 3 }
] as const

export const BUILT_IN_ROLE_IDS: ReadonlySet<string> = new Set(BUILT_IN_ROLES.map(r => r.id))

/** Roles every actor holds implicitly (never stored per user). */
export const IMPLICIT_ROLES: ReadonlySet<string> = new Set(['anonymous', 'authenticated'])

export const USER_STATUSES = ['active', 'blocked'] as const
export type UserStatus = typeof USER_STATUSES[number]

export const ROLE_ID_PATTERN = '^[a-z][a-z0-9_]{0,31}$'
