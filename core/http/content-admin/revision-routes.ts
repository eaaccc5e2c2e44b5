// Revision routes of the admin content API: list, fetch one, revert.
import type { FastifyInstance } from 'fastify'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { revertContent } from '../../content/operations/revert.js'
import { getContentRevision, listContentRevisions } from '../../content/operations/revisions.js'
import { assertKnownParams } from '../../content/query/parse-fields.js'
import { document, sendDocument } from '../jsonapi/documents.js'
import { requestOrigin } from '../jsonapi/negotiation.js'
import { ADMIN_CONTENT, sendItem } from './admin-resource.js'

type ItemParams = { Params: { type: string, id: string }, Querystring: Record<string, unknown> }
type RevisionParams = { Params: { type: string, id: string, rev: string }, Querystring: Record<string, unknown> }

function revisionNumber (raw: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw new CmsError('NOT_FOUND', `No revision ${raw}`)
  return Number(raw)
}

export function revisionRoutes (app: FastifyInstance, kernel: Kernel): void {
  app.get<ItemParams>(`${ADMIN_CONTENT}/:type/:id/revisions`, async (request, reply) => {
    assertKnownParams(request.query, [])
    const { item, revisions } = await listContentRevisions(kernel, request.actor, request.params.type, request.params.id)
    const base = `${requestOrigin(request)}${ADMIN_CONTENT}/${item.type}/${item.id}/revisions`
    const data = revisions.map(r => ({
      type: 'revision',
      id: String(r.rev),
      attributes: { created: r.created, log: r.log, status: r.status, moderation_state: r.moderationState, default: r.rev === item.defaultRev, latest: r.rev === item.latestRev },
      relationships: { uid: { data: r.uid ? { type: 'user', id: r.uid } : null } },
      links: { self: `${base}/${r.rev}` }
    }))
    return sendDocument(reply, 200, document(data, { self: base }))
  })

  app.get<RevisionParams>(`${ADMIN_CONTENT}/:type/:id/revisions/:rev`, async (request, reply) => {
    assertKnownParams(request.query, [])
    const type = kernel.contentTypes.require(request.params.type)
    const item = await getContentRevision(kernel, request.actor, type.id, request.params.id, revisionNumber(request.params.rev))
    return sendItem(kernel, request, reply, type, item)
  })

  app.post<RevisionParams>(`${ADMIN_CONTENT}/:type/:id/revisions/:rev/revert`, async (request, reply) => {
    assertKnownParams(request.query, [])
    const type = kernel.contentTypes.require(request.params.type)
    const ifMatch = typeof request.headers['if-match'] === 'string' ? request.headers['if-match'] : undefined
    const item = await revertContent(kernel, request.actor, type.id, request.params.id, revisionNumber(request.params.rev), { ifMatch })
    return sendItem(kernel, request, reply, type, item)
  })
}
