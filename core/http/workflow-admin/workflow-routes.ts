// /admin/api/workflows: list every workflow (code and runtime); runtime ones can be created,
// replaced and deleted (refused while a content type uses it).
import type { FastifyInstance } from 'fastify'
import { ADMINISTER_WORKFLOWS } from '../../access/content-permissions.js'
import { removeRolePermissions } from '../../access/role-permissions.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { assertKnownParams } from '../../content/query/parse-fields.js'
import { transitionPermission } from '../../workflow/transition-permission.js'
import { requirePermission } from '../auth/admin-guard.js'

const BASE = '/admin/api/workflows'
type Q = { Querystring: Record<string, unknown> }
type P = Q & { Params: { id: string } }

export function workflowRoutes (app: FastifyInstance, kernel: Kernel): void {
  const present = (id: string) => {
    const definition = kernel.workflows.get(id)
    if (!definition) throw new CmsError('NOT_FOUND', `No workflow "${id}"`)
    const types = kernel.contentTypes.list().filter(t => t.definition.workflow === id).map(t => t.id)
    return { ...definition, module: kernel.workflows.owner(id) ?? null, types }
  }
  app.get<Q>(BASE, async request => {
    assertKnownParams(request.query, [])
    return { data: kernel.workflows.list().map(w => present(w.definition.id)) }
  })
  app.get<P>(`${BASE}/:id`, async request => {
    assertKnownParams(request.query, [])
    return { data: present(request.params.id) }
  })
  app.post<Q>(BASE, async (request, reply) => {
    assertKnownParams(request.query, [])
    requirePermission(request, ADMINISTER_WORKFLOWS)
    const workflow = await kernel.workflows.save(request.body, true)
    return reply.code(201).header('location', `${BASE}/${workflow.id}`).send({ data: present(workflow.id) })
  })
  app.put<P>(`${BASE}/:id`, async request => {
    assertKnownParams(request.query, [])
    requirePermission(request, ADMINISTER_WORKFLOWS)
    const body = request.body as { id?: unknown } | null
    if (!body || body.id !== request.params.id) throw new CmsError('CONFLICT', 'The workflow id must match the URL', { source: { pointer: '/id' } })
    if (!kernel.workflows.get(request.params.id)) throw new CmsError('NOT_FOUND', `No workflow "${request.params.id}"`)
    const before = kernel.workflows.get(request.params.id)
    const workflow = await kernel.workflows.save(body, false)
    const dropped = Object.keys(before?.transitions ?? {}).filter(t => !(t in workflow.transitions))
    await removeRolePermissions(kernel.db.knex, dropped.map(t => transitionPermission(workflow.id, t)))
    return { data: present(workflow.id) }
  })
  app.delete<P>(`${BASE}/:id`, async (request, reply) => {
    assertKnownParams(request.query, [])
    requirePermission(request, ADMINISTER_WORKFLOWS)
    const workflow = await kernel.workflows.remove(request.params.id)
    await removeRolePermissions(kernel.db.knex, Object.keys(workflow.transitions).map(t => transitionPermission(workflow.id, t)))
    return reply.code(204).send()
  })
}
