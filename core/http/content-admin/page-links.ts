// Pagination links for list documents: self, next (offset or cursor) and prev for offsets,
// rebuilt from the parsed query so they are valid, fully encoded URLs.
import type { FastifyRequest } from 'fastify'
import qs from 'qs'
import type { FindResult } from '../../content/operations/find.js'
import type { ListQuery } from '../../content/query/query-types.js'
import { requestOrigin } from '../jsonapi/negotiation.js'

function withPage (request: FastifyRequest, page?: Record<string, string | number>): string {
  const query = { ...(request.query as Record<string, unknown>) }
  if (page) {
    const current = typeof query.page === 'object' && query.page !== null ? query.page as Record<string, unknown> : {}
    const { cursor: _c, offset: _o, ...keep } = current
    query.page = { ...keep, ...page }
  }
  const path = request.url.split('?')[0] ?? ''
  const search = qs.stringify(query)
  return `${requestOrigin(request)}${path}${search ? '?' + search : ''}`
}

export function pageLinks (request: FastifyRequest, query: ListQuery, result: FindResult): Record<string, string> {
  const links: Record<string, string> = { self: withPage(request) }
  const { page } = query
  if (page.kind === 'cursor') {
    if (result.nextCursor) links.next = withPage(request, { cursor: result.nextCursor })
    return links
  }
  if (result.hasMore) links.next = withPage(request, { offset: page.offset + page.limit })
  if (page.offset > 0) links.prev = withPage(request, { offset: Math.max(0, page.offset - page.limit) })
  return links
}
