// GET /jsonapi: the entry point listing every resource type and its collection URL under `meta`
// (JSON:API 1.1 allows only standard members in top-level links), the OpenAPI document under
// links.describedby.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { TagSet } from '../../cache/cache-tags.js'
import type { Kernel } from '../../kernel/kernel.js'
import { USER_TYPE } from '../../content/includes/users.js'
import { assertKnownParams } from '../../content/query/parse-fields.js'
import type { JsonApiDocument } from '../jsonapi/documents.js'
import { JSONAPI_VERSION } from '../jsonapi/documents.js'
import { requestOrigin } from '../jsonapi/negotiation.js'
import { OPENAPI_PATH } from '../openapi/openapi-routes.js'
import { apiBase } from './resources.js'
import { respond } from './respond.js'

export async function contentApiIndex (kernel: Kernel, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  assertKnownParams(request.query as Record<string, unknown>, [])
  return respond(kernel, request, reply, async () => {
    const base = apiBase(request)
    const types = kernel.contentTypes.list()
    const resourceTypes: Record<string, { href: string, label: string, pageSize?: number }> = {}
    for (const type of types) resourceTypes[type.id] = { href: `${base}/${type.id}`, label: type.definition.label, pageSize: type.pageSize }
    resourceTypes[USER_TYPE] = { href: `${base}/${USER_TYPE}`, label: 'User' }
    const doc: JsonApiDocument = {
      jsonapi: JSONAPI_VERSION,
      data: [],
      links: { self: base, describedby: requestOrigin(request) + OPENAPI_PATH },
      meta: { resourceTypes }
    }
    // Depends on the set of types only, which the cache checks itself (allTypes).
    return { doc, tags: new TagSet(), types, allTypes: true }
  })
}
