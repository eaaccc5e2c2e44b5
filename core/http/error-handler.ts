// Maps every error to the catalogue: client errors keep a clear message; anything else is a 500
// whose body says nothing about stacks, SQL or paths (the log keeps the detail).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { CmsError, errorItem, type ErrorCode, type ErrorItem } from '../errors/cms-error.js'

const JSONAPI = 'application/vnd.api+json'

const byStatus: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION',
  429: 'RATE_LIMITED'
}

/** Routes answering JSON:API documents: the content API and the admin content API. */
export function isJsonApiUrl (url: string): boolean {
  return url === '/jsonapi' || url.startsWith('/jsonapi/') || url.startsWith('/jsonapi?') || url.startsWith('/admin/api/content/')
}

function toCmsError (error: FastifyError | CmsError | Error): CmsError | undefined {
  if (error instanceof CmsError) return error
  const fastifyError = error as FastifyError
  const status = fastifyError.statusCode
  if (status === undefined || status < 400 || status >= 500) return undefined
  if (fastifyError.validation) {
    const where = fastifyError.validationContext ?? 'request'
    const code: ErrorCode = where === 'body' ? 'VALIDATION' : 'BAD_REQUEST'
    const items = fastifyError.validation.map(v => errorItem(code, `${where}${v.instancePath} ${v.message ?? 'is invalid'}`,
      where === 'body' ? { pointer: v.instancePath || '/' } : { parameter: v.instancePath.slice(1) || where }))
    return new CmsError(code, items[0]?.detail ?? 'Invalid request', { items })
  }
  const code = byStatus[status] ?? 'BAD_REQUEST'
  if (status === 400 && /JSON|Unexpected|token/i.test(error.message)) return new CmsError('INVALID_JSON', 'The request body is not valid JSON')
  return new CmsError(code, error.message)
}

export function sendError (reply: FastifyReply, error: CmsError): FastifyReply {
  const errors = error.items.map((item: ErrorItem) => ({ ...item, status: String(item.status) }))
  for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value)
  const body = { jsonapi: { version: '1.1' }, errors }
  // JSON:API allows no charset parameter: a Buffer keeps fastify from appending one.
  if (isJsonApiUrl(reply.request.url)) return reply.code(error.status).type(JSONAPI).send(Buffer.from(JSON.stringify(body)))
  return reply.code(error.status).type('application/json; charset=utf-8').send(body)
}

export function errorHandler (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const mapped = toCmsError(error)
  if (mapped) {
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed')
    return sendError(reply, mapped)
  }
  request.log.error({ err: error }, 'unhandled error')
  return sendError(reply, new CmsError('INTERNAL', 'An unexpected error occurred; it has been logged with the request id.'))
}
