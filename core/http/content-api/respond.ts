// Sends content API documents through the response cache: a strong ETag (hash of the body),
// 304 for a matching If-None-Match, Cache-Control by caller, the Surrogate-Key header with the
// response's cache tags; the cache key is the URL plus the caller's access context.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../../access/actor.js'
import { accessKey } from '../../cache/access-key.js'
import type { TagSet } from '../../cache/cache-tags.js'
import { cacheService } from '../../cache/cache-service.js'
import { ifNoneMatchHits, strongEtag } from '../../cache/etag.js'
import type { CachedResponse } from '../../cache/response-cache.js'
import type { CompiledType } from '../../content/compiled-type.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { JsonApiDocument } from '../jsonapi/documents.js'
import { JSONAPI_MEDIA_TYPE, requestOrigin } from '../jsonapi/negotiation.js'

export interface Rendered {
  doc: JsonApiDocument
  tags: TagSet
  /** The compiled types the body was rendered with: a changed definition makes it stale. */
  types: readonly CompiledType[]
  /** The body lists every type (the index): a type added or removed makes it stale. */
  allTypes?: boolean
}

/**
 * Browsers and shared caches may keep anonymous answers but revalidate each use (a 304 costs
 * one cache lookup here), so no client shows content older than the last committed write.
 * CDNs that purge by Surrogate-Key may be configured to cache longer.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
/** Authenticated answers can hold drafts and personal views: never stored by any cache. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

function currentCheck (kernel: Kernel, rendered: Rendered): () => boolean {
  const types = rendered.types
  // Only the index lists every type: other bodies need not count them (list() sorts).
  const count = rendered.allTypes ? kernel.contentTypes.list().length : 0
  return () => types.every(t => kernel.contentTypes.get(t.id) === t) && (!rendered.allTypes || kernel.contentTypes.list().length === count)
}

/** The response cache key: the caller's access context, then the URL (links are absolute, so
 * the origin is part of what the body depends on). The early hit path (early-hit.ts) uses it too. */
export function responseKey (kernel: Kernel, actor: Actor, origin: string, url: string): string {
  return `${accessKey(actor, kernel)} ${origin}${url}`
}

/** The headers of a cached answer, in the order they are set. */
export function entryHeaders (entry: CachedResponse, actor: Actor): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['etag', entry.etag],
    ['cache-control', actor.kind === 'anonymous' ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL],
    ['vary', 'Authorization']
  ]
  if (entry.tags.length > 0) headers.push(['surrogate-key', entry.tags.join(' ')])
  return headers
}

function send (request: FastifyRequest, reply: FastifyReply, entry: CachedResponse): FastifyReply {
  for (const [name, value] of entryHeaders(entry, request.actor)) void reply.header(name, value)
  if (ifNoneMatchHits(request.headers['if-none-match'], entry.etag)) return reply.code(304).send()
  // A Buffer keeps fastify from appending "; charset=utf-8": JSON:API allows no such parameter.
  return reply.code(200).type(JSONAPI_MEDIA_TYPE).send(entry.body)
}

/** The cached answer to this request (the same URL for the same access context), if any. */
export function cachedAnswer (kernel: Kernel, request: FastifyRequest): CachedResponse | undefined {
  const cache = cacheService(kernel)
  return cache.enabled ? cache.responses.get(responseKey(kernel, request.actor, requestOrigin(request), request.url)) : undefined
}

export function sendHit (request: FastifyRequest, reply: FastifyReply, hit: CachedResponse): FastifyReply {
  void reply.header('x-cache', 'HIT')
  return send(request, reply, hit)
}

export async function respond (kernel: Kernel, request: FastifyRequest, reply: FastifyReply, render: () => Promise<Rendered>): Promise<FastifyReply> {
  // Hits are normally answered by the onRequest lookup (cache-lookup.ts); one may have been
  // stored since by a concurrent render.
  const cache = cacheService(kernel)
  const key = responseKey(kernel, request.actor, requestOrigin(request), request.url)
  const hit = cache.enabled ? cache.responses.get(key) : undefined
  if (hit) return sendHit(request, reply, hit)
  const mark = cache.responses.mark()
  const rendered = await render()
  const body = Buffer.from(JSON.stringify(rendered.doc))
  const entry: CachedResponse = { body, etag: strongEtag(body), tags: rendered.tags.values(), isCurrent: currentCheck(kernel, rendered) }
  if (cache.enabled) cache.responses.set(key, entry, mark)
  void reply.header('x-cache', 'MISS')
  return send(request, reply, entry)
}
