// Builds the fastify app for a booted kernel: logging with request ids, qs query parsing, body
// limits and content types, the error catalogue, health routes, then every module's routes.
import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { CmsError } from '../errors/cms-error.js'
import { withStatementScope, type StatementScope } from '../db/statement-counter.js'
import type { Kernel } from '../kernel/kernel.js'
import { errorHandler, sendError } from './error-handler.js'
import { coreRoutes } from './core-routes.js'
import { parseQueryString, QUERY_ERROR, type ParsedQuery } from './query-parser.js'
import { registerSecurity } from './security.js'

declare module 'fastify' {
  interface FastifyRequest { statementScope: StatementScope }
  interface FastifyInstance { kernel: Kernel }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

export async function buildApp (kernel: Kernel): Promise<FastifyInstance> {
  const { server } = kernel.config
  const app = Fastify({
    loggerInstance: kernel.logger as FastifyBaseLogger,
    bodyLimit: server.bodyLimit,
    trustProxy: server.trustProxy,
    requestIdHeader: false,
    genReqId: request => {
      const incoming = request.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    routerOptions: { querystringParser: parseQueryString, ignoreTrailingSlash: false, maxParamLength: 200 },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true, useDefaults: false } },
    return503OnClosing: true
  })
  app.decorate('kernel', kernel)
  app.decorateRequest('statementScope', undefined as unknown as StatementScope)

  // Count SQL statements per request: the rest of the request runs inside this async scope.
  app.addHook('onRequest', (request, _reply, done) => {
    const scope: StatementScope = { statements: 0 }
    request.statementScope = scope
    withStatementScope(scope, done)
  })
  app.addHook('onRequest', async request => {
    const problem = (request.query as ParsedQuery | undefined)?.[QUERY_ERROR]
    if (problem) throw new CmsError('INVALID_QUERY', problem, { source: { parameter: 'query' } })
  })
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id)
    void reply.header('x-sql-statements', String(request.statementScope.statements))
  })

  // JSON only: fastify's built-in text/plain parser would hand a string to routes expecting a
  // document; without it, text/plain is a 415 like any other unsupported type.
  app.removeContentTypeParser('text/plain')
  const jsonParser = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/vnd.api+json', { parseAs: 'string' }, jsonParser)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler((request, reply) => sendError(reply, new CmsError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`)))

  await registerSecurity(app, kernel.config)
  for (const installer of coreRoutes) await installer(app, kernel)
  for (const { value: installer, module } of kernel.registries.routes.list()) {
    await app.register(async instance => { await installer(instance, kernel) }, { name: `module:${module}` } as object)
  }
  return app
}
