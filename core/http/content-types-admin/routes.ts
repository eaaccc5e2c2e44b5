// /admin/api/content-types: the definition documents of every type (code-declared and runtime);
// runtime types can be created, changed (PUT, ?force=true for data-losing changes) and deleted.
import type { FastifyInstance } from 'fastify'
import { ADMINISTER_CONTENT_TYPES } from '../../access/content-permissions.js'
import { removeRolePermissions } from '../../access/role-permissions.js'
import { typePermissionList } from '../../access/content-permissions.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../../content/compiled-type.js'
import type { ContentTypeDefinition } from '../../content/definition-types.js'
import { assertKnownParams } from '../../content/query/parse-fields.js'
import { requirePermission } from '../auth/admin-guard.js'

const BASE = '/admin/api/content-types'

function present (type: CompiledType): Record<string, unknown> {
  return { ...type.definition, module: type.module ?? null, fields: [...type.fields.values()].map(f => ({ ...f.definition, ...(f.addedBy ? { addedBy: f.addedBy } : {}) })) }
}

function force (query: Record<string, unknown>): boolean {
  if (query.force === undefined) return false
  if (query.force !== 'true' && query.force !== 'false') throw new CmsError('INVALID_QUERY', 'force must be true or false', { source: { parameter: 'force' } })
  return query.force === 'true'
}

type Q = { Querystring: Record<string, unknown> }
type P = Q & { Params: { id: string } }

export function contentTypeRoutes (app: FastifyInstance, kernel: Kernel): void {
  app.get<Q>(BASE, async request => {
    assertKnownParams(request.query, [])
    return { data: kernel.contentTypes.list().map(present) }
  })
  app.get<P>(`${BASE}/:id`, async request => {
    assertKnownParams(request.query, [])
    return { data: present(kernel.contentTypes.require(request.params.id)) }
  })
  app.post<Q>(BASE, async (request, reply) => {
    assertKnownParams(request.query, [])
    requirePermission(request, ADMINISTER_CONTENT_TYPES)
    const type = await kernel.contentTypes.save(request.body as ContentTypeDefinition, { create: true })
    return reply.code(201).header('location', `${BASE}/${type.id}`).send({ data: present(type) })
  })
  app.put<P>(`${BASE}/:id`, async request => {
    assertKnownParams(request.query, ['force'])
    requirePermission(request, ADMINISTER_CONTENT_TYPES)
    const body = request.body as ContentTypeDefinition
    if (typeof body === 'object' && body !== null && body.id !== request.params.id) {
      throw new CmsError('CONFLICT', 'The definition id must match the URL', { source: { pointer: '/id' } })
    }
    kernel.contentTypes.require(request.params.id)
    return { data: present(await kernel.contentTypes.save(body, { force: force(request.query) })) }
  })
  app.delete<P>(`${BASE}/:id`, async (request, reply) => {
    assertKnownParams(request.query, ['force'])
    requirePermission(request, ADMINISTER_CONTENT_TYPES)
    const type = kernel.contentTypes.require(request.params.id)
    const forced = force(request.query)
    if (forced && !request.actor.isAdmin) throw new CmsError('FORBIDDEN', 'Only administrators may force the deletion of a type with content')
    await kernel.contentTypes.remove(type.id, { force: forced })
    await removeRolePermissions(kernel.db.knex, typePermissionList(type.id, type.definition.label).map(p => p.name))
    return reply.code(204).send()
  })
}
