// Users are not content, so their writes do not pass content.afterCommit: after a successful
// write through the users admin API, purge the user's resources and the user lists.
import type { FastifyInstance } from 'fastify'
import { cacheService } from '../../cache/cache-service.js'
import { itemTag, listTag } from '../../cache/cache-tags.js'
import type { Kernel } from '../../kernel/kernel.js'
import { USER_TYPE } from '../../content/includes/users.js'

const USERS = /^\/admin\/api\/users(?:\/([^/?#]+))?(?:[/?#]|$)/

export function installUserInvalidation (app: FastifyInstance, kernel: Kernel): void {
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return
    const match = USERS.exec(request.url)
    if (!match) return
    const tags = [listTag(USER_TYPE)]
    if (match[1]) tags.push(itemTag(USER_TYPE, decodeURIComponent(match[1])))
    try {
      await cacheService(kernel).invalidate(tags)
    } catch (error) {
      request.log.warn({ err: error }, 'user cache invalidation failed')
    }
  })
}
