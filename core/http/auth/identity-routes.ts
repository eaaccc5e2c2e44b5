// Installs identity and access on the root app: the JWT plugin, the per-request actor, the admin
// API guard, the auth routes and the users/roles/tokens/permissions routes.
import type { FastifyInstance } from 'fastify'
import type { Kernel } from '../../kernel/kernel.js'
import { permissionsRoute } from '../admin/permissions-route.js'
import { rolesRoutes } from '../admin/roles-routes.js'
import { tokensRoutes } from '../admin/tokens-routes.js'
import { usersRoutes } from '../admin/users-routes.js'
import { installAdminGuard } from './admin-guard.js'
import { registerJwt } from './jwt.js'
import { loginRoute } from './login-route.js'
import { passwordRoute } from './password-route.js'
import { refreshRoute } from './refresh-route.js'
import { installRequestActor } from './request-actor.js'
import { sessionRoutes } from './session-routes.js'

export async function identityRoutes (app: FastifyInstance, kernel: Kernel): Promise<void> {
  await registerJwt(app, kernel)
  // Root hooks: they run for every route, including module routes registered later.
  installRequestActor(app, kernel)
  installAdminGuard(app)
  for (const install of [loginRoute, refreshRoute, sessionRoutes, passwordRoute, usersRoutes, rolesRoutes, tokensRoutes, permissionsRoute]) {
    install(app, kernel)
  }
}
