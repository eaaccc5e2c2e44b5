// The public content API (JSON:API 1.1, read-only) under /jsonapi.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kernel } from '../../kernel/kernel.js'
import { installCacheLookup } from './cache-lookup.js'
import { USER_TYPE } from '../../content/includes/users.js'
import { contentCollection, type CollectionRequest } from './collection-route.js'
import { contentApiIndex } from './index-route.js'
import { contentItem, type ItemRequest } from './item-route.js'
import { installNegotiation, methodNotAllowed, WRITE_METHODS } from './negotiation-hooks.js'
import { relatedResources, relationshipLinkage, type RelationshipRequest } from './relationship-routes.js'
import { CONTENT_API } from './resources.js'
import { installUserInvalidation } from './user-invalidation.js'
import { userCollection } from './user-collection.js'

export const CONTENT_API_ROUTES = [
  CONTENT_API,
  `${CONTENT_API}/:type`,
  `${CONTENT_API}/:type/:id`,
  `${CONTENT_API}/:type/:id/:relationship`,
  `${CONTENT_API}/:type/:id/relationships/:relationship`
] as const

export function contentApiRoutes (app: FastifyInstance, kernel: Kernel): void {
  installNegotiation(app)
  installCacheLookup(app, kernel)
  installUserInvalidation(app, kernel)
  const [index, collection, item, related, linkage] = CONTENT_API_ROUTES

  app.get(index, (request, reply) => contentApiIndex(kernel, request, reply))
  app.get(collection, (request: CollectionRequest, reply: FastifyReply) =>
    request.params.type === USER_TYPE ? userCollection(kernel, request, reply) : contentCollection(kernel, request, reply))
  app.get(item, (request: ItemRequest, reply: FastifyReply) => contentItem(kernel, request, reply))
  app.get(related, (request: RelationshipRequest, reply: FastifyReply) => relatedResources(kernel, request, reply))
  app.get(linkage, (request: RelationshipRequest, reply: FastifyReply) => relationshipLinkage(kernel, request, reply))

  // Registered explicitly so that writes answer 405 with Allow (not 404), before any body parsing.
  for (const url of CONTENT_API_ROUTES) {
    app.route({
      method: [...WRITE_METHODS],
      url,
      onRequest: async (request: FastifyRequest) => methodNotAllowed(request),
      handler: async (request: FastifyRequest) => methodNotAllowed(request)
    })
  }
}
