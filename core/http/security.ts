// HTTP hardening for the whole app: security headers (helmet's, computed once: security-headers.ts),
// CORS from an allow-list (@fastify/cors) and per-route request rate limits (@fastify/rate-limit,
// opted into by routes with `config: { rateLimit: {...} }`; the auth routes use it).
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import type { HelmetOptions } from 'helmet'
import type { CmsConfig } from '../settings/config-types.js'
import { applySecurityHeaders, securityHeaders, type SecurityHeaders } from './security-headers.js'

declare module 'fastify' {
  interface RouteShorthandOptions { helmet?: HelmetOptions | false }
  interface RouteOptions { helmet?: HelmetOptions | false }
  interface FastifyContextConfig { securityHeaders?: SecurityHeaders }
}

/**
 * The API answers JSON only, so the default policy forbids every resource and framing. A route
 * serving HTML (a /docs page) sets its own policy in its route options:
 * `{ helmet: { contentSecurityPolicy: { directives: {...} } } }`, or `helmet: false`.
 */
export const API_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] }
}

const API_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
  // Headless: frontends on other origins may load public resources (e.g. media) directly.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginEmbedderPolicy: false
}

/** The headers every answer without a route policy of its own carries. */
export const API_SECURITY_HEADERS = securityHeaders(API_HELMET_OPTIONS)

const NO_HEADERS: SecurityHeaders = { set: [], remove: [] }

export async function registerSecurity (app: FastifyInstance, config: CmsConfig): Promise<void> {
  // A route's own options replace the matching top-level options (as @fastify/helmet merged them).
  app.addHook('onRoute', route => {
    if (route.helmet === undefined) return
    const headers = route.helmet === false ? NO_HEADERS : securityHeaders({ ...API_HELMET_OPTIONS, ...route.helmet } as HelmetOptions)
    route.config = { ...route.config, securityHeaders: headers }
  })
  // First hook after the statement scope: errors answered by later hooks carry the headers too.
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(reply.raw, request.routeOptions.config.securityHeaders ?? API_SECURITY_HEADERS)
    done()
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
