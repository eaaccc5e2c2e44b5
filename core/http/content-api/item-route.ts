// GET /jsonapi/{type}/{id}: one item the caller may see (404 otherwise, never 403: existence is
// not revealed), optionally a given revision for those allowed, with its includes.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { TagSet } from '../../cache/cache-tags.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { loadVisibleUsers, USER_TYPE } from '../../content/includes/users.js'
import { findOneContent, parseResourceVersion } from '../../content/operations/find-one.js'
import { serializeResource } from '../../content/serialize/serialize-resource.js'
import { serializeUser } from '../../content/serialize/serialize-user.js'
import { document } from '../jsonapi/documents.js'
import { ITEM_PARAMS, readParams, type Query } from './read-params.js'
import { contentApiContext, includedResources } from './resources.js'
import { respond } from './respond.js'

export type ItemRequest = FastifyRequest<{ Params: { type: string, id: string }, Querystring: Query }>

async function userItem (kernel: Kernel, request: ItemRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { fields } = readParams(kernel, request.actor, request.query, ['fields'], [USER_TYPE])
  return respond(kernel, request, reply, async () => {
    const [user] = await loadVisibleUsers(kernel.db.knex, request.actor, [request.params.id])
    if (!user) throw new CmsError('NOT_FOUND', `No user with id ${request.params.id}`)
    const resource = serializeUser(user, contentApiContext(request, fields))
    return { doc: document(resource, { self: resource.links.self }), tags: new TagSet().item(USER_TYPE, user.id), types: [] }
  })
}

export async function contentItem (kernel: Kernel, request: ItemRequest, reply: FastifyReply): Promise<FastifyReply> {
  if (request.params.type === USER_TYPE) return userItem(kernel, request, reply)
  const type = kernel.contentTypes.require(request.params.type)
  const params = readParams(kernel, request.actor, request.query, ITEM_PARAMS, [type.id])
  const version = parseResourceVersion(request.query.resourceVersion)
  return respond(kernel, request, reply, async () => {
    const item = await findOneContent(kernel, request.actor, type.id, request.params.id, version)
    const tags = new TagSet().item(type.id, item.id)
    const ctx = contentApiContext(request, params.fields)
    const resource = serializeResource(type, item, ctx)
    const links = { self: resource.links.self }
    if (!params.include) return { doc: document(resource, links), tags, types: [type] }
    const { included, types } = await includedResources(kernel, request, [{ kind: 'content', type, item }], params.include, ctx, tags)
    return { doc: document(resource, links, { included }), tags, types: [type, ...types] }
  })
}
