// The HTTP server fastify would create itself (same timeouts), with a first look at each request
// by a handler that may answer it before fastify routes it (content-api/early-hit.ts).
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http'

type Handler = (request: IncomingMessage, response: ServerResponse) => void
/** The processed fastify options a serverFactory receives (defaults filled in). */
interface FactoryOptions { http?: ServerOptions, keepAliveTimeout: number, requestTimeout: number, connectionTimeout: number, maxRequestsPerSocket: number }

export function serverFactory (answered: (request: IncomingMessage, response: ServerResponse) => boolean): (handler: Handler, options: object) => Server {
  return (handler, options) => {
    const { http, keepAliveTimeout, requestTimeout, connectionTimeout, maxRequestsPerSocket } = options as FactoryOptions
    const server = createServer(http ?? {}, (request, response) => {
      if (!answered(request, response)) handler(request, response)
    })
    server.keepAliveTimeout = keepAliveTimeout
    server.requestTimeout = requestTimeout
    server.setTimeout(connectionTimeout)
    if (maxRequestsPerSocket > 0) server.maxRequestsPerSocket = maxRequestsPerSocket
    return server
  }
}
