// POST /admin/api/auth/logout (revokes the caller's session: its access token stops working at
// once) and GET /admin/api/auth/me (the caller, roles and effective permissions; never the hash).
import type { FastifyInstance } from 'fastify'
import { revokeSession } from '../../access/sessions/revoke-sessions.js'
import { listPermissions } from '../../access/permission-catalogue.js'
import { getUser } from '../../access/users/user-queries.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'

export function sessionRoutes (app: FastifyInstance, kernel: Kernel): void {
  app.post('/admin/api/auth/logout', async (request, reply) => {
    const credential = request.credential
    if (credential?.kind !== 'session') throw new CmsError('BAD_REQUEST', 'Logout ends a login session; revoke API tokens through /admin/api/tokens')
    await revokeSession(kernel.db.knex, credential.sessionId)
    return reply.code(204).send()
  })

  app.get('/admin/api/auth/me', async request => {
    const { actor, credential } = request
    if (actor.userId === null) throw new CmsError('UNAUTHORIZED', 'Authentication is required')
    const user = await getUser(kernel.db.knex, actor.userId)
    const permissions = actor.isAdmin ? listPermissions(kernel).map(p => p.name) : [...actor.permissions]
    return {
      data: {
        ...user,
        roles: [...actor.roles],
        permissions: [...new Set(permissions)].sort(),
        isAdmin: actor.isAdmin,
        authenticatedWith: credential?.kind ?? null
      }
    }
  })
}
