// JSON:API content negotiation: request bodies must be application/vnd.api+json without media
// type parameters other than ext/profile (415); an Accept header that lists the JSON:API media
// type only with such parameters cannot be satisfied (406).
import type { FastifyRequest } from 'fastify'
import { CmsError } from '../../errors/cms-error.js'

export const JSONAPI_MEDIA_TYPE = 'application/vnd.api+json'

interface MediaRange { type: string, params: string[] }

function parseMediaRanges (header: string): MediaRange[] {
  return header.split(',').map(part => {
    const [type = '', ...params] = part.split(';').map(s => s.trim())
    return { type: type.toLowerCase(), params: params.map(p => (p.split('=')[0] ?? '').trim().toLowerCase()).filter(p => p !== 'q') }
  })
}

const allowedParam = (p: string) => p === 'ext' || p === 'profile'

export function assertJsonApiContentType (request: FastifyRequest): void {
  const header = request.headers['content-type']
  const [range] = header ? parseMediaRanges(header) : []
  if (!range || range.type !== JSONAPI_MEDIA_TYPE) {
    throw new CmsError('UNSUPPORTED_MEDIA_TYPE', `Send ${JSONAPI_MEDIA_TYPE} request bodies`, { source: { header: 'Content-Type' } })
  }
  if (!range.params.every(allowedParam)) {
    throw new CmsError('UNSUPPORTED_MEDIA_TYPE', 'Media type parameters other than ext and profile are not supported', { source: { header: 'Content-Type' } })
  }
}

export function assertJsonApiAccept (request: FastifyRequest): void {
  const header = request.headers.accept
  if (!header) return
  const ranges = parseMediaRanges(header)
  const jsonapi = ranges.filter(r => r.type === JSONAPI_MEDIA_TYPE)
  const other = ranges.some(r => r.type === '*/*' || r.type === 'application/*' || r.type === 'application/json')
  if (jsonapi.length > 0 && !other && jsonapi.every(r => !r.params.every(allowedParam))) {
    throw new CmsError('NOT_ACCEPTABLE', 'Every JSON:API media type in Accept carries unsupported parameters', { source: { header: 'Accept' } })
  }
  if (jsonapi.length === 0 && !other && ranges.length > 0) {
    throw new CmsError('NOT_ACCEPTABLE', `This API answers ${JSONAPI_MEDIA_TYPE}`, { source: { header: 'Accept' } })
  }
}

/** Absolute origin of the request (links in JSON:API documents must be absolute URLs). */
export function requestOrigin (request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}
