// How the admin API presents items: absolute links under /admin/api/content, an ETag, and meta
// with the revision bookkeeping and the workflow transitions open to the caller.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../../content/compiled-type.js'
import { etagOf, type ContentItem } from '../../content/content-item.js'
import { serializeResource, type SerializeContext } from '../../content/serialize/serialize-resource.js'
import { openTransitions } from '../../workflow/moderate.js'
import { document, sendDocument } from '../jsonapi/documents.js'
import { requestOrigin } from '../jsonapi/negotiation.js'

export const ADMIN_CONTENT = '/admin/api/content'

export function adminContext (kernel: Kernel, request: FastifyRequest, type: CompiledType, fields?: SerializeContext['fields']): SerializeContext {
  const workflow = type.definition.workflow ? kernel.workflows.get(type.definition.workflow) : undefined
  const ctx: SerializeContext = {
    baseUrl: requestOrigin(request) + ADMIN_CONTENT,
    actor: request.actor,
    meta: item => ({
      revision: item.rev,
      defaultRevision: item.defaultRev,
      latestRevision: item.latestRev,
      version: item.version,
      ...(workflow && item.moderationState ? { transitions: openTransitions(workflow, item.moderationState, request.actor) } : {})
    })
  }
  if (fields) ctx.fields = fields
  return ctx
}

export function sendItem (kernel: Kernel, request: FastifyRequest, reply: FastifyReply, type: CompiledType, item: ContentItem, status = 200): FastifyReply {
  const resource = serializeResource(type, item, adminContext(kernel, request, type))
  void reply.header('etag', etagOf(item))
  if (status === 201) void reply.header('location', resource.links.self)
  return sendDocument(reply, status, document(resource, { self: resource.links.self }))
}
