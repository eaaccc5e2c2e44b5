// The admin content API: JSON:API CRUD on /admin/api/content/{type}[/{id}] through the shared
// operations (the same ones the CLI and modules call).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kernel } from '../../kernel/kernel.js'
import { createContent } from '../../content/operations/create.js'
import { deleteContent } from '../../content/operations/delete.js'
import { findContent } from '../../content/operations/find.js'
import { findOneContent, parseResourceVersion } from '../../content/operations/find-one.js'
import { updateContent } from '../../content/operations/update.js'
import { assertKnownParams, parseFields } from '../../content/query/parse-fields.js'
import { parseListParams } from '../../content/query/parse-list-params.js'
import { serializeResource } from '../../content/serialize/serialize-resource.js'
import { document, sendDocument } from '../jsonapi/documents.js'
import { assertJsonApiAccept, assertJsonApiContentType } from '../jsonapi/negotiation.js'
import { ADMIN_CONTENT, adminContext, sendItem } from './admin-resource.js'
import { pageLinks } from './page-links.js'

type TypeParams = { Params: { type: string }, Querystring: Record<string, unknown> }
type ItemParams = { Params: { type: string, id: string }, Querystring: Record<string, unknown> }

function ifMatch (request: FastifyRequest): string | undefined {
  const value = request.headers['if-match']
  return typeof value === 'string' ? value : undefined
}

export function contentAdminRoutes (app: FastifyInstance, kernel: Kernel): void {
  app.addHook('onRequest', async request => {
    if (request.url.startsWith(ADMIN_CONTENT + '/')) assertJsonApiAccept(request)
  })

  app.get<TypeParams>(`${ADMIN_CONTENT}/:type`, async (request, reply) => {
    assertKnownParams(request.query, ['filter', 'sort', 'page', 'fields'])
    const type = kernel.contentTypes.require(request.params.type)
    const fields = parseFields(request.query.fields, kernel.contentTypes)
    const { query, clamped } = parseListParams(request.query, type)
    const result = await findContent(kernel, request.actor, type.id, query)
    const ctx = adminContext(kernel, request, type, fields)
    const data = result.items.map(item => serializeResource(type, item, ctx))
    const meta: Record<string, unknown> = {}
    if (result.total !== undefined) meta.count = result.total
    if (clamped) meta.limit = { requested: Number((request.query.page as Record<string, unknown>).limit), applied: query.page.limit }
    return sendDocument(reply, 200, document(data, pageLinks(request, query, result), { meta }))
  })

  app.post<TypeParams>(`${ADMIN_CONTENT}/:type`, async (request, reply) => {
    assertKnownParams(request.query, [])
    assertJsonApiContentType(request)
    const item = await createContent(kernel, request.actor, request.params.type, request.body)
    return sendItem(kernel, request, reply, kernel.contentTypes.require(request.params.type), item, 201)
  })

  app.get<ItemParams>(`${ADMIN_CONTENT}/:type/:id`, async (request, reply) => {
    assertKnownParams(request.query, ['resourceVersion'])
    const type = kernel.contentTypes.require(request.params.type)
    const item = await findOneContent(kernel, request.actor, type.id, request.params.id, parseResourceVersion(request.query.resourceVersion))
    return sendItem(kernel, request, reply, type, item)
  })

  app.patch<ItemParams>(`${ADMIN_CONTENT}/:type/:id`, async (request, reply) => {
    assertKnownParams(request.query, [])
    assertJsonApiContentType(request)
    const type = kernel.contentTypes.require(request.params.type)
    const item = await updateContent(kernel, request.actor, type.id, request.params.id, request.body, { ifMatch: ifMatch(request) })
    return sendItem(kernel, request, reply, type, item)
  })

  app.delete<ItemParams>(`${ADMIN_CONTENT}/:type/:id`, async (request, reply) => {
    assertKnownParams(request.query, [])
    await deleteContent(kernel, request.actor, request.params.type, request.params.id, { ifMatch: ifMatch(request) })
    return reply.code(204).send()
  })
}
