// The per-request actor: a root onRequest hook resolves `request.actor` from the Authorization
// header. None → anonymous (the anonymous role's permissions); `Bearer cms_…` → API token;
// `Bearer <jwt>` → user session, checked against the database on every request. Any credential
// that is present but unusable is a 401, never a silent fall-back to anonymous.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ANONYMOUS, type Actor } from '../../access/actor.js'
import { anonymousActor, buildActor, freshRoleGrants } from '../../access/role-cache.js'
import { API_TOKEN_PREFIX, looksLikeSecret } from '../../access/secrets.js'
import { resolveSession } from '../../access/sessions/session-actor.js'
import { resolveApiToken } from '../../access/tokens/token-actor.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { verifyAccessToken } from './jwt.js'

export type Credential = { kind: 'session', sessionId: string } | { kind: 'token', tokenId: string }

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
    /** How the actor authenticated; null when anonymous. */
    credential: Credential | null
  }
}

const BEARER = /^Bearer ([\x21-\x7e]{1,4096})$/i

export function unauthorized (detail: string): CmsError {
  return new CmsError('UNAUTHORIZED', detail, { headers: { 'www-authenticate': 'Bearer' } })
}

async function anonymous (kernel: Kernel, request: FastifyRequest): Promise<Actor> {
  try {
    return await buildActor(kernel.db.knex, 'anonymous', null, [])
  } catch (error) {
    // Without the database, anonymous callers get no permission at all (default deny), and
    // /health keeps answering.
    request.log.warn({ err: error }, 'could not load the anonymous role')
    return ANONYMOUS
  }
}

export function installRequestActor (app: FastifyInstance, kernel: Kernel): void {
  app.decorateRequest('actor', null as unknown as Actor)
  app.decorateRequest('credential', null)
  // Anonymous callers while the role grants are fresh (nearly every anonymous request) are
  // decided synchronously, without a promise and a microtask turn; everyone else asynchronously.
  app.addHook('onRequest', (request, _reply, done) => {
    const grants = request.headers.authorization === undefined ? freshRoleGrants(kernel.db.knex) : undefined
    if (grants) {
      request.actor = anonymousActor(grants)
      done()
      return
    }
    resolveActor(request).then(() => { done() }, done)
  })

  async function resolveActor (request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization
    if (header === undefined) {
      request.actor = await anonymous(kernel, request)
      return
    }
    const match = BEARER.exec(header)
    if (!match?.[1]) throw unauthorized('The Authorization header must be "Bearer <token>"')
    const token = match[1]
    const { knex } = kernel.db
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const resolved = looksLikeSecret(token, API_TOKEN_PREFIX) ? await resolveApiToken(knex, token) : undefined
      if (!resolved) throw unauthorized('The API token is invalid, expired or revoked')
      request.actor = resolved.actor
      request.credential = { kind: 'token', tokenId: resolved.tokenId }
      return
    }
    const claims = verifyAccessToken(app, token)
    const resolved = claims ? await resolveSession(knex, claims.sub, claims.sid) : undefined
    if (!resolved) throw unauthorized('The access token is invalid, expired or revoked')
    request.actor = resolved.actor
    request.credential = { kind: 'session', sessionId: resolved.sessionId }
  }
}
