// GET /jsonapi/{type}: one page of the items the caller may see (access, filter, sort and paging
// in one statement), its includes in batched statements, pagination links and limits in meta.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { TagSet } from '../../cache/cache-tags.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { LoadedResource } from '../../content/includes/load-includes.js'
import { runFind } from '../../content/operations/find.js'
import { serializeResource } from '../../content/serialize/serialize-resource.js'
import { document } from '../jsonapi/documents.js'
import { listLinks, listPlan } from './list-plan.js'
import type { Query } from './read-params.js'
import { contentApiContext, includedResources } from './resources.js'
import { respond } from './respond.js'

export type CollectionRequest = FastifyRequest<{ Params: { type: string }, Querystring: Query }>

export async function contentCollection (kernel: Kernel, request: CollectionRequest, reply: FastifyReply): Promise<FastifyReply> {
  const type = kernel.contentTypes.require(request.params.type)
  const plan = listPlan(kernel, request.actor, type, request.url, request.query)
  const { params, parsed: { query, requestedLimit, clamped }, find, traversed } = plan
  return respond(kernel, request, reply, async () => {
    const result = await runFind(kernel, find)
    const tags = new TagSet().list(type.id)
    // Lists filtered or sorted through another type change when that type's items do.
    for (const typeId of traversed) tags.list(typeId)
    const ctx = contentApiContext(request, params.fields)
    const data = result.items.map(item => {
      tags.item(type.id, item.id)
      return serializeResource(type, item, ctx)
    })
    const meta: Record<string, unknown> = {}
    if (result.total !== undefined) meta.count = result.total
    if (clamped) meta.limit = { requested: requestedLimit, applied: query.page.limit }
    const links = listLinks(request, plan, result)
    if (!params.include) return { doc: document(data, links, { meta }), tags, types: [type] }
    const primary: LoadedResource[] = result.items.map(item => ({ kind: 'content', type, item }))
    const { included, types } = await includedResources(kernel, request, primary, params.include, ctx, tags, result.prefetched)
    return { doc: document(data, links, { meta, included }), tags, types: [type, ...types] }
  })
}
