// Core's own route groups, installed before module routes.
import type { RouteInstaller } from '../kernel/module-types.js'
import { healthRoutes } from './health.js'
import { identityRoutes } from './auth/identity-routes.js'

export const coreRoutes: readonly RouteInstaller[] = [healthRoutes, identityRoutes]
