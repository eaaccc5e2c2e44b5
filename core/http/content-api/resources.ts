// How the content API presents resources: absolute links under /jsonapi, relationship links,
// sparse fieldsets; primary and included resources tagged for the cache as they are serialized.
import type { FastifyRequest } from 'fastify'
import type { TagSet } from '../../cache/cache-tags.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../../content/compiled-type.js'
import type { Prefetched } from '../../content/includes/joined-includes.js'
import { loadIncludes, type LoadedResource } from '../../content/includes/load-includes.js'
import type { IncludeNode } from '../../content/includes/parse-include.js'
import { fieldSelection } from '../../content/query/field-selection.js'
import { USER_TYPE } from '../../content/includes/users.js'
import { serializeResource, type ResourceObject, type SerializeContext } from '../../content/serialize/serialize-resource.js'
import { serializeUser } from '../../content/serialize/serialize-user.js'
import { requestOrigin } from '../jsonapi/negotiation.js'

export const CONTENT_API = '/jsonapi'

export function apiBase (request: FastifyRequest): string {
  return requestOrigin(request) + CONTENT_API
}

export function contentApiContext (request: FastifyRequest, fields: SerializeContext['fields']): SerializeContext {
  const ctx: SerializeContext = { baseUrl: apiBase(request), actor: request.actor, relationshipLinks: true }
  if (fields) ctx.fields = fields
  return ctx
}

export function serializeLoaded (resource: LoadedResource, ctx: SerializeContext, tags: TagSet): ResourceObject {
  if (resource.kind === 'user') {
    tags.item(USER_TYPE, resource.user.id)
    return serializeUser(resource.user, ctx)
  }
  tags.item(resource.type.id, resource.item.id)
  return serializeResource(resource.type, resource.item, ctx)
}

/**
 * Loads and serializes the included resources of `primary`. Every identifier an include path
 * pointed at is tagged, hidden ones too: publishing one of them must refresh this answer.
 * `prefetched`: first-level targets the page statement already joined.
 */
export async function includedResources (
  kernel: Kernel, request: FastifyRequest, primary: LoadedResource[], tree: IncludeNode, ctx: SerializeContext, tags: TagSet, prefetched?: Prefetched
): Promise<{ included: ResourceObject[], types: CompiledType[] }> {
  // Included items load only what their sparse fieldsets and the include paths need.
  const result = await loadIncludes(kernel, request.actor, primary, tree, type => fieldSelection(type, ctx.fields, tree), prefetched)
  for (const ref of result.requested) tags.item(ref.type, ref.id)
  const types = new Map<string, CompiledType>()
  for (const r of result.resources) if (r.kind === 'content') types.set(r.type.id, r.type)
  return { included: result.resources.map(r => serializeLoaded(r, ctx, tags)), types: [...types.values()] }
}
