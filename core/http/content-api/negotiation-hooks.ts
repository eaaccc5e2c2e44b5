// Protocol rules of the read-only content API, enforced before routing work: other methods 405
// with Allow; Accept without a usable JSON:API media type 406; a request body declared with
// another media type, or JSON:API with parameters other than ext/profile, 415. Every answer,
// errors included, goes out as exactly application/vnd.api+json with a strong ETag.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { strongEtag } from '../../cache/etag.js'
import { CmsError } from '../../errors/cms-error.js'
import { assertJsonApiAccept, assertJsonApiContentType, JSONAPI_MEDIA_TYPE } from '../jsonapi/negotiation.js'
import { CONTENT_API } from './resources.js'

export const ALLOW = 'GET, HEAD'
export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const

export function isContentApiUrl (url: string): boolean {
  return url === CONTENT_API || url.startsWith(CONTENT_API + '/') || url.startsWith(CONTENT_API + '?')
}

export function methodNotAllowed (request: FastifyRequest): never {
  throw new CmsError('METHOD_NOT_ALLOWED', `The content API is read-only: ${request.method} is not allowed`, { headers: { allow: ALLOW } })
}

export function installNegotiation (app: FastifyInstance): void {
  // Synchronous hooks: they run on every request, and an async hook costs a promise and a turn.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!isContentApiUrl(request.url) || (request.method !== 'GET' && request.method !== 'HEAD')) return done()
    try {
      assertJsonApiAccept(request)
      if (request.headers['content-type'] !== undefined) assertJsonApiContentType(request)
    } catch (error) {
      return done(error as Error)
    }
    done()
  })

  app.addHook('onSend', (request, reply, payload, done) => {
    if (!isContentApiUrl(request.url)) return done(null, payload)
    const type = reply.getHeader('content-type')
    if (typeof type === 'string' && type.startsWith(JSONAPI_MEDIA_TYPE)) void reply.header('content-type', JSONAPI_MEDIA_TYPE)
    // Success responses carry their ETag already (respond.ts); errors get one from their body.
    if (reply.getHeader('etag') === undefined && (typeof payload === 'string' || Buffer.isBuffer(payload)) && payload.length > 0) {
      void reply.header('etag', strongEtag(payload))
      void reply.header('cache-control', 'no-store')
    }
    done(null, payload)
  })
}
