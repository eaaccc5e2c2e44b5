// Builds the fastify app for a booted kernel: logging with request ids, qs query parsing, body
// limits and content types, the error catalogue, health routes, then every module's routes.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { CmsError } from '../errors/cms-error.js'
import { openStatementScope, STATEMENT_HEADER, type StatementScope } from '../db/statement-counter.js'
import type { Kernel } from '../kernel/kernel.js'
import type { Logger } from '../kernel/logger.js'
import { errorHandler, sendError } from './error-handler.js'
import { serverFactory } from './http-server.js'
import { coreRoutes } from './core-routes.js'
import { earlyHit } from './content-api/early-hit.js'
import { parseQueryString, QUERY_ERROR, type ParsedQuery } from './query-parser.js'
import { lazyChildLogger } from './request-logger.js'
import { registerSecurity } from './security.js'

declare module 'fastify' {
  interface FastifyRequest { statementScope: StatementScope | undefined }
  interface FastifyInstance { kernel: Kernel }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** The caller's X-Request-Id when it is a plausible id, a new one otherwise. */
function requestId (request: IncomingMessage): string {
  const incoming = request.headers['x-request-id']
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

export async function buildApp (kernel: Kernel): Promise<FastifyInstance> {
  const { server } = kernel.config
  let closing = false
  const app = Fastify({
    loggerInstance: kernel.logger as FastifyBaseLogger,
    bodyLimit: server.bodyLimit,
    trustProxy: server.trustProxy,
    requestIdHeader: false,
    genReqId: requestId,
    // The server fastify would create, with anonymous cache hits answered before routing.
    serverFactory: serverFactory(earlyHit({ kernel, requestId, closing: () => closing })),
    routerOptions: { querystringParser: parseQueryString, ignoreTrailingSlash: false, maxParamLength: 200 },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true, useDefaults: false } },
    return503OnClosing: true,
    childLoggerFactory: (logger, bindings, options) => lazyChildLogger(logger as Logger, bindings, options)
  })
  app.decorate('kernel', kernel)
  app.addHook('preClose', done => { closing = true; done() })
  app.decorateRequest('statementScope', undefined)

  // Count SQL statements for the requests that ask (header X-Sql-Statements): the rest of the
  // request runs inside this async scope, closed when the response is done or aborted.
  if (server.statementCounter) {
    app.addHook('onRequest', (request, reply, done) => {
      if (request.headers[STATEMENT_HEADER] === undefined) return done()
      const scope: StatementScope = { statements: 0 }
      request.statementScope = scope
      reply.raw.once('close', openStatementScope(scope, done))
    })
  }
  // Security headers next, so that every later answer (a 400 for the query string too) has them.
  await registerSecurity(app, kernel.config)
  // Synchronous hooks: an async one costs a promise and a microtask turn on every request.
  app.addHook('onRequest', (request, _reply, done) => {
    const problem = (request.query as ParsedQuery | undefined)?.[QUERY_ERROR]
    done(problem ? new CmsError('INVALID_QUERY', problem, { source: { parameter: 'query' } }) : undefined)
  })
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id)
    if (request.statementScope) void reply.header(STATEMENT_HEADER, String(request.statementScope.statements))
    done(null, payload)
  })

  // JSON only: fastify's built-in text/plain parser would hand a string to routes expecting a
  // document; without it, text/plain is a 415 like any other unsupported type.
  app.removeContentTypeParser('text/plain')
  const jsonParser = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/vnd.api+json', { parseAs: 'string' }, jsonParser)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler((request, reply) => sendError(reply, new CmsError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`)))

  for (const installer of coreRoutes) await installer(app, kernel)
  for (const { value: installer, module } of kernel.registries.routes.list()) {
    await app.register(async instance => { await installer(instance, kernel) }, { name: `module:${module}` } as object)
  }
  return app
}
