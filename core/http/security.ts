// HTTP hardening for the whole app: security headers (@fastify/helmet), CORS from an allow-list
// (@fastify/cors) and per-route request rate limits (@fastify/rate-limit, opted into by routes
// with `config: { rateLimit: {...} }`; the auth routes use it).
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import type { CmsConfig } from '../settings/config-types.js'

/**
 * The API answers JSON only, so the default policy forbids every resource and framing. A route
 * serving HTML (a /docs page) sets its own policy in its route options:
 * `{ helmet: { contentSecurityPolicy: { directives: {...} } } }`, or `helmet: false`.
 */
export const API_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] }
}

export async function registerSecurity (app: FastifyInstance, config: CmsConfig): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
    // Headless: frontends on other origins may load public resources (e.g. media) directly.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false
  })

  // Only listed origins get CORS headers; no list, no CORS at all. Bearer tokens, not cookies:
  // credentials stay off.
  const origins = config.server.corsOrigins
  if (origins.length > 0) {
    await app.register(cors, {
      origin: [...origins],
      credentials: false,
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'If-Match', 'If-None-Match', 'X-Request-Id'],
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id'],
      maxAge: 600,
      strictPreflight: true
    })
  }

  // Limits apply only to routes that ask for them; keyed by request.ip (trustProxy-aware).
  await app.register(rateLimit, { global: false })
}
