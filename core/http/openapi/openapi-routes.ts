// GET /openapi.json (the OpenAPI 3.1 document of every route and content type) and GET /docs (a
// page rendering it, the only route whose CSP allows a stylesheet). Installed first among core's
// route groups so that it records every route registered after it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { strongEtag, ifNoneMatchHits } from '../../cache/etag.js'
import type { Kernel } from '../../kernel/kernel.js'
import { requestOrigin } from '../jsonapi/negotiation.js'
import { buildOpenApiDocument } from './build-document.js'
import { DOCS_CSP_DIRECTIVES, renderDocsPage } from './docs-page.js'
import { recordRoutes } from './route-catalogue.js'

export const OPENAPI_PATH = '/openapi.json'
export const DOCS_PATH = '/docs'

/** Both answers change only with the content types; clients revalidate with the ETag. */
function sendWithEtag (request: FastifyRequest, reply: FastifyReply, type: string, body: string): FastifyReply {
  const etag = strongEtag(body)
  void reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate')
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send()
  return reply.type(type).send(body)
}

export function openApiRoutes (app: FastifyInstance, kernel: Kernel): void {
  recordRoutes(app)
  app.get(OPENAPI_PATH, async (request, reply) => {
    const doc = buildOpenApiDocument(app, kernel, requestOrigin(request))
    return sendWithEtag(request, reply, 'application/json; charset=utf-8', JSON.stringify(doc))
  })
  app.get(DOCS_PATH, {
    helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP_DIRECTIVES } }
  }, async (request, reply) => {
    const doc = buildOpenApiDocument(app, kernel, requestOrigin(request))
    return sendWithEtag(request, reply, 'text/html; charset=utf-8', renderDocsPage(doc))
  })
}
