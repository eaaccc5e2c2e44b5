// GET /router/resolve?path=/blog/hello → the item behind an alias: type, id, its JSON:API URL and
// current path (with a redirect when an old alias was asked). 404 when unknown or not viewable.
import { CmsError, findOneContent, type Kernel } from '../../core/index.js'
import type { FastifyInstance } from 'fastify'
import { currentAlias, findAlias } from './aliases.js'
import { normalizePath } from './slugify.js'

export function resolveRoute (app: FastifyInstance, kernel: Kernel): void {
  app.get<{ Querystring: Record<string, unknown> }>('/router/resolve', async request => {
    const { path, ...rest } = request.query
    if (Object.keys(rest).length > 0) throw new CmsError('INVALID_QUERY', `Unknown query parameter "${Object.keys(rest)[0] ?? ''}"`, { source: { parameter: Object.keys(rest)[0] ?? '' } })
    if (typeof path !== 'string' || path === '' || path.length > 1000) throw new CmsError('INVALID_QUERY', 'path is required', { source: { parameter: 'path' } })
    const notFound = new CmsError('NOT_FOUND', `No content at ${path}`)
    const alias = await findAlias(kernel.db.knex, normalizePath(path))
    if (!alias || !kernel.contentTypes.get(alias.type)) throw notFound
    try {
      await findOneContent(kernel, request.actor, alias.type, alias.item_id)
    } catch (error) {
      if (error instanceof CmsError && error.status === 404) throw notFound
      throw error
    }
    const current = await currentAlias(kernel.db.knex, alias.type, alias.item_id) ?? alias.path
    const origin = `${request.protocol}://${request.host}`
    return {
      data: {
        type: alias.type,
        id: alias.item_id,
        path: current,
        jsonapi: `${origin}/jsonapi/${alias.type}/${alias.item_id}`,
        ...(current !== alias.path ? { redirect: { from: alias.path, to: current, status: 301 } } : {})
      }
    }
  })
}
