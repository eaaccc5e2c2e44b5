// How the admin API presents items: absolute links under /admin/api/content, an ETag, and meta
// with the revision bookkeeping and the workflow transitions open to the caller.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../../content/compiled-type.js'
import { etagOf, type ContentItem } from '../../content/content-item.js'
import { serializeResource, type SerializeContext } from '../../content/serialize/serialize-resource.js'
import { openTransitions } from '../../workflow/moderate.js'
import { loadRevision } from '../../content/repository/revisions.js'
import { document, sendDocument } from '../jsonapi/documents.js'
import { requestOrigin } from '../jsonapi/negotiation.js'

export const ADMIN_CONTENT = '/admin/api/content'

/**
 * `editState`: the moderation state a PATCH of the item would move from (its working copy's),
 * when it differs from the state of the values served.
 */
export function adminContext (kernel: Kernel, request: FastifyRequest, type: CompiledType, fields?: SerializeContext['fields'], editState?: string | null): SerializeContext {
  const workflow = type.definition.workflow ? kernel.workflows.get(type.definition.workflow) : undefined
  const ctx: SerializeContext = {
    baseUrl: requestOrigin(request) + ADMIN_CONTENT,
    actor: request.actor,
    meta: item => {
      const from = editState ?? item.moderationState
      return {
        revision: item.rev,
        defaultRevision: item.defaultRev,
        latestRevision: item.latestRev,
        version: item.version,
        ...(workflow && from ? { transitions: openTransitions(workflow, from, request.actor) } : {})
      }
    }
  }
  if (fields) ctx.fields = fields
  return ctx
}

export async function sendItem (kernel: Kernel, request: FastifyRequest, reply: FastifyReply, type: CompiledType, item: ContentItem, status = 200): Promise<FastifyReply> {
  // Edits build on the newest revision: when a pending draft exists, its state decides the transitions offered.
  const pending = type.definition.workflow !== undefined && item.latestRev !== null && item.latestRev !== item.rev
  const editState = pending ? (await loadRevision(kernel.db.knex, type, item, item.latestRev as number))?.moderationState : undefined
  const resource = serializeResource(type, item, adminContext(kernel, request, type, undefined, editState))
  void reply.header('etag', etagOf(item))
  if (status === 201) void reply.header('location', resource.links.self)
  return sendDocument(reply, status, document(resource, { self: resource.links.self }))
}
