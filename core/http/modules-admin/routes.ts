// /admin/api/modules: the modules (enabled in dependency order, then available ones), and
// enabling or disabling one — recorded in the database, applied at the next start.
import type { FastifyInstance } from 'fastify'
import { ADMINISTER_MODULES } from '../../access/content-permissions.js'
import type { Kernel } from '../../kernel/kernel.js'
import { disableModule, enableModule, listModules } from '../../kernel/module-admin.js'
import { assertKnownParams } from '../../content/query/parse-fields.js'
import { requirePermission } from '../auth/admin-guard.js'

const BASE = '/admin/api/modules'
type P = { Params: { name: string }, Querystring: Record<string, unknown> }

export function moduleRoutes (app: FastifyInstance, kernel: Kernel): void {
  app.get<{ Querystring: Record<string, unknown> }>(BASE, async request => {
    assertKnownParams(request.query, [])
    requirePermission(request, ADMINISTER_MODULES)
    return { data: listModules(kernel) }
  })
  app.post<P>(`${BASE}/:name/enable`, async request => {
    assertKnownParams(request.query, [])
    requirePermission(request, ADMINISTER_MODULES)
    const changed = await enableModule(kernel, request.params.name)
    return { data: { name: request.params.name, enabled: true, changed, restartRequired: changed } }
  })
  app.post<P>(`${BASE}/:name/disable`, async request => {
    assertKnownParams(request.query, [])
    requirePermission(request, ADMINISTER_MODULES)
    await disableModule(kernel, request.params.name)
    return { data: { name: request.params.name, enabled: false, changed: true, restartRequired: true } }
  })
}
