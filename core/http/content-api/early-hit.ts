// Response cache hits for anonymous content API GETs, answered before fastify routes the request:
// query parsing, the request objects, the hook chain and the route are all skipped for the most
// frequent request a public site gets. The answer is byte for byte the one fastify's path sends
// (test/api/content-api/early-hit.test.ts compares them); any request this path is not sure about
// (credentials, conditional, a body, an unusual Accept, proxies, CORS, request logging on, a
// closing server, no fresh role grants, no entry) goes to fastify unchanged.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../access/actor.js'
import { anonymousActor, freshRoleGrants } from '../../access/role-cache.js'
import { cacheService } from '../../cache/cache-service.js'
import { STATEMENT_HEADER } from '../../db/statement-counter.js'
import type { CachedResponse } from '../../cache/response-cache.js'
import type { Kernel } from '../../kernel/kernel.js'
import { assertJsonApiAccept, JSONAPI_MEDIA_TYPE } from '../jsonapi/negotiation.js'
import { API_SECURITY_HEADERS } from '../security.js'
import { isContentApiUrl } from './negotiation-hooks.js'
import { entryHeaders, responseKey } from './respond.js'

export interface EarlyHitContext {
  kernel: Kernel
  requestId: (request: IncomingMessage) => string
  closing: () => boolean
}

function acceptable (request: IncomingMessage): boolean {
  const accept = request.headers.accept
  if (accept === undefined || accept === JSONAPI_MEDIA_TYPE) return true
  try {
    assertJsonApiAccept({ headers: request.headers } as FastifyRequest)
    return true
  } catch {
    return false
  }
}

const flat = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.flatMap(([name, value]) => [name, value])
const SECURITY = flat(API_SECURITY_HEADERS.set)
/** The headers of an anonymous hit on this entry, as a flat list for writeHead: built once. */
const anonymousHits = new WeakMap<CachedResponse, string[]>()
/** Counted from the end of a hit's header list: the value after 'x-request-id'. */
const REQUEST_ID_SLOT = 3

function hitHeaders (entry: CachedResponse, actor: Actor): readonly string[] {
  let headers = anonymousHits.get(entry)
  if (!headers) {
    // In the order fastify's path sets them; the request id's value is filled in per request
    // (REQUEST_ID_SLOT).
    headers = [...SECURITY, 'x-cache', 'HIT', ...flat(entryHeaders(entry, actor)), 'content-type', JSONAPI_MEDIA_TYPE,
      'x-request-id', '', 'content-length', String(entry.body.length)]
    anonymousHits.set(entry, headers)
  }
  return headers
}

/** True when it answered the request (a fresh cache hit); false to let fastify handle it. */
export function earlyHit ({ kernel, requestId, closing }: EarlyHitContext): (request: IncomingMessage, response: ServerResponse) => boolean {
  const cache = cacheService(kernel)
  const { trustProxy, corsOrigins, statementCounter } = kernel.config.server
  // CORS headers depend on the Origin: left to @fastify/cors.
  if (corsOrigins.length > 0) return () => false
  return (request, response) => {
    const url = request.url ?? ''
    const headers = request.headers
    if (request.method !== 'GET' || !isContentApiUrl(url) || !cache.enabled || closing()) return false
    if (headers.authorization !== undefined || headers['if-none-match'] !== undefined || headers['content-type'] !== undefined) return false
    // A request asking for its statement count gets it from fastify's path.
    if (statementCounter && headers[STATEMENT_HEADER] !== undefined) return false
    if (trustProxy && (headers['x-forwarded-host'] !== undefined || headers['x-forwarded-proto'] !== undefined)) return false
    // fastify logs every request at info: such requests keep their log lines.
    if (kernel.logger.isLevelEnabled('info') || !acceptable(request)) return false
    const grants = freshRoleGrants(kernel.db.knex)
    if (!grants) return false
    const actor = anonymousActor(grants)
    const protocol = (request.socket as TLSSocket).encrypted ? 'https' : 'http'
    const host = headers.host ?? headers[':authority'] ?? ''
    const entry = cache.responses.get(responseKey(kernel, actor, `${protocol}://${String(host)}`, url))
    if (!entry) return false
    const answer = [...hitHeaders(entry, actor)]
    answer[answer.length - REQUEST_ID_SLOT] = requestId(request)
    response.writeHead(200, answer)
    response.end(entry.body)
    return true
  }
}
