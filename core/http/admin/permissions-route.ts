// GET /admin/api/permissions: every permission (core, modules, and those generated at runtime by
// other subsystems) as { name, title, description?, module }. Any authenticated caller.
import type { FastifyInstance } from 'fastify'
import { listPermissions } from '../../access/permission-catalogue.js'
import type { Kernel } from '../../kernel/kernel.js'
import { readQuery } from './admin-helpers.js'

export function permissionsRoute (app: FastifyInstance, kernel: Kernel): void {
  app.get('/admin/api/permissions', async request => {
    readQuery(request, [])
    return { data: listPermissions(kernel) }
  })
}
