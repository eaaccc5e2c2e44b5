// GET /jsonapi/user: active users with their public attributes, ordered by display name, offset
// paging with the default page size. Users are not content: no filters, no cursor.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { TagSet } from '../../cache/cache-tags.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { listVisibleUsers, USER_TYPE } from '../../content/includes/users.js'
import { serializeUser } from '../../content/serialize/serialize-user.js'
import { pageLinks } from '../content-admin/page-links.js'
import { document } from '../jsonapi/documents.js'
import { readParams, type Query } from './read-params.js'
import { contentApiContext } from './resources.js'
import { respond } from './respond.js'

function invalid (parameter: string, detail: string): CmsError {
  return new CmsError('INVALID_QUERY', detail, { source: { parameter } })
}

function pageParams (raw: unknown, cap: number): { offset: number, limit: number, requested: number | undefined } {
  const page = (raw ?? {}) as Record<string, unknown>
  if (typeof page !== 'object' || Array.isArray(page)) throw invalid('page', 'Use page[offset] and page[limit]')
  const unknown = Object.keys(page).find(k => k !== 'offset' && k !== 'limit')
  if (unknown !== undefined) throw invalid(`page[${unknown}]`, 'Users are paged with page[offset] and page[limit] only')
  const read = (name: string, min: number): number | undefined => {
    const value = page[name]
    if (value === undefined) return undefined
    if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) < min) throw invalid(`page[${name}]`, `page[${name}] must be an integer ≥ ${min}`)
    return Number(value)
  }
  const requested = read('limit', 1)
  return { offset: read('offset', 0) ?? 0, limit: Math.min(requested ?? cap, cap), requested }
}

export async function userCollection (kernel: Kernel, request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply): Promise<FastifyReply> {
  const { fields } = readParams(kernel, request.actor, request.query, ['sort', 'page', 'fields'], [USER_TYPE])
  const sort = request.query.sort
  if (sort !== undefined && sort !== 'display_name' && sort !== '-display_name') throw invalid('sort', 'Users sort by display_name or -display_name')
  const page = pageParams(request.query.page, kernel.config.contentApi.pageSize)
  return respond(kernel, request, reply, async () => {
    const { users, hasMore } = await listVisibleUsers(kernel.db.knex, request.actor, page, sort === '-display_name' ? 'desc' : 'asc')
    const tags = new TagSet().list(USER_TYPE)
    const ctx = contentApiContext(request, fields)
    const data = users.map(user => {
      tags.item(USER_TYPE, user.id)
      return serializeUser(user, ctx)
    })
    const links = pageLinks(request, { sort: [], total: false, page: { kind: 'offset', offset: page.offset, limit: page.limit } }, { items: [], hasMore })
    const meta = page.requested !== undefined && page.requested > page.limit ? { limit: { requested: page.requested, applied: page.limit } } : {}
    return { doc: document(data, links, { meta }), tags, types: [] }
  })
}
