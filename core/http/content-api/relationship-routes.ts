// GET /jsonapi/{type}/{id}/{relationship} (the related resources, hidden ones left out) and
// GET /jsonapi/{type}/{id}/relationships/{relationship} (the linkage as stored).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { hasPermission } from '../../access/actor.js'
import { TagSet } from '../../cache/cache-tags.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../../content/compiled-type.js'
import type { ContentItem, ResourceIdentifier } from '../../content/content-item.js'
import { loadReferenced } from '../../content/includes/load-includes.js'
import { USER_TYPE } from '../../content/includes/users.js'
import { findOneContent } from '../../content/operations/find-one.js'
import { document } from '../jsonapi/documents.js'
import { RELATED_PARAMS, readParams, type Query } from './read-params.js'
import { apiBase, contentApiContext, includedResources, serializeLoaded } from './resources.js'
import { respond } from './respond.js'

export type RelationshipRequest = FastifyRequest<{ Params: { type: string, id: string, relationship: string }, Querystring: Query }>

interface Relationship { many: boolean, targets: readonly string[], refs: (item: ContentItem) => ResourceIdentifier[] }

/** The relationship as the caller may see it; a missing or hidden field is 404 like a missing route. */
function relationshipOf (request: RelationshipRequest, type: CompiledType): Relationship {
  const name = request.params.relationship
  if (name === 'uid') return { many: false, targets: [USER_TYPE], refs: item => item.uid ? [{ type: USER_TYPE, id: item.uid }] : [] }
  const field = type.fields.get(name)
  const permission = field?.definition.viewPermission
  if (!field?.relationship || (permission && !hasPermission(request.actor, permission))) {
    throw new CmsError('NOT_FOUND', `${type.id} has no relationship "${name}"`)
  }
  return {
    many: field.multiple,
    targets: field.targets,
    refs: item => {
      const value = item.values[name]
      return value === null || value === undefined ? [] : (field.multiple ? value : [value]) as ResourceIdentifier[]
    }
  }
}

function target (kernel: Kernel, request: RelationshipRequest): { type: CompiledType, relationship: Relationship } {
  if (request.params.type === USER_TYPE) throw new CmsError('NOT_FOUND', `user has no relationship "${request.params.relationship}"`)
  const type = kernel.contentTypes.require(request.params.type)
  return { type, relationship: relationshipOf(request, type) }
}

export async function relatedResources (kernel: Kernel, request: RelationshipRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { type, relationship } = target(kernel, request)
  const params = readParams(kernel, request.actor, request.query, RELATED_PARAMS, relationship.targets)
  return respond(kernel, request, reply, async () => {
    const item = await findOneContent(kernel, request.actor, type.id, request.params.id)
    const tags = new TagSet().item(type.id, item.id)
    const refs = relationship.refs(item)
    for (const ref of refs) tags.item(ref.type, ref.id)
    const related = await loadReferenced(kernel, request.actor, refs)
    const ctx = contentApiContext(request, params.fields)
    const data = related.map(r => serializeLoaded(r, ctx, tags))
    const types = [type, ...related.flatMap(r => r.kind === 'content' ? [r.type] : [])]
    const self = `${apiBase(request)}/${type.id}/${item.id}/${request.params.relationship}`
    const primary = relationship.many ? data : data[0] ?? null
    if (!params.include) return { doc: document(primary, { self }), tags, types }
    const included = await includedResources(kernel, request, related, params.include, ctx, tags)
    return { doc: document(primary, { self }, { included: included.included }), tags, types: [...types, ...included.types] }
  })
}

export async function relationshipLinkage (kernel: Kernel, request: RelationshipRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { type, relationship } = target(kernel, request)
  readParams(kernel, request.actor, request.query, [], [])
  return respond(kernel, request, reply, async () => {
    const item = await findOneContent(kernel, request.actor, type.id, request.params.id)
    const refs = relationship.refs(item).map(r => ({ type: r.type, id: r.id }))
    const base = `${apiBase(request)}/${type.id}/${item.id}`
    const name = request.params.relationship
    const links = { self: `${base}/relationships/${name}`, related: `${base}/${name}` }
    return { doc: document(relationship.many ? refs : refs[0] ?? null, links), tags: new TagSet().item(type.id, item.id), types: [type] }
  })
}
