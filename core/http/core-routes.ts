// Core's own route groups, installed before module routes.
import type { RouteInstaller } from '../kernel/module-types.js'
import { healthRoutes } from './health.js'
import { identityRoutes } from './auth/identity-routes.js'
import { contentAdminRoutes } from './content-admin/content-routes.js'
import { revisionRoutes } from './content-admin/revision-routes.js'
import { contentTypeRoutes } from './content-types-admin/routes.js'
import { moduleRoutes } from './modules-admin/routes.js'
import { scheduleRoutes } from './workflow-admin/schedule-routes.js'
import { workflowRoutes } from './workflow-admin/workflow-routes.js'
import { contentApiRoutes } from './content-api/routes.js'
import { openApiRoutes } from './openapi/openapi-routes.js'

export const coreRoutes: readonly RouteInstaller[] = [openApiRoutes, healthRoutes, identityRoutes, contentTypeRoutes, contentAdminRoutes, revisionRoutes, workflowRoutes, scheduleRoutes, moduleRoutes, contentApiRoutes]
