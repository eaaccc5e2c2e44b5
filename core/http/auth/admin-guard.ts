// One root hook guards everything under /admin/api (module routes included): an authenticated
// actor is required except for login and refresh. Route handlers then check permissions (403).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { hasPermission, isAuthenticated } from '../../access/actor.js'
import { CmsError } from '../../errors/cms-error.js'
import { unauthorized } from './request-actor.js'

export const ADMIN_PREFIX = '/admin/api'
export const PUBLIC_ADMIN_PATHS: ReadonlySet<string> = new Set([`${ADMIN_PREFIX}/auth/login`, `${ADMIN_PREFIX}/auth/refresh`])

function underAdmin (path: string | undefined): boolean {
  return path !== undefined && (path === ADMIN_PREFIX || path.startsWith(ADMIN_PREFIX + '/'))
}

/** True when the request (its raw path or its matched route) is a guarded admin request. */
export function needsAuthentication (request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? ''
  const route = request.routeOptions.url
  if (!underAdmin(path) && !underAdmin(route)) return false
  return !(PUBLIC_ADMIN_PATHS.has(path) && (route === undefined || PUBLIC_ADMIN_PATHS.has(route)))
}

export function installAdminGuard (app: FastifyInstance): void {
  app.addHook('onRequest', async request => {
    if (needsAuthentication(request) && !isAuthenticated(request.actor)) {
      throw unauthorized('Authentication is required for the admin API')
    }
  })
}

/** 403 unless the actor holds the permission (administrators hold every permission). */
export function requirePermission (request: FastifyRequest, permission: string): void {
  if (!hasPermission(request.actor, permission)) throw new CmsError('FORBIDDEN', `The permission "${permission}" is required`)
}

/** The caller's session id; 403 for API tokens (sessions are for people). */
export function requireSession (request: FastifyRequest): string {
  const credential = request.credential
  if (credential?.kind !== 'session') throw new CmsError('FORBIDDEN', 'This operation needs a login session, not an API token')
  return credential.sessionId
}
