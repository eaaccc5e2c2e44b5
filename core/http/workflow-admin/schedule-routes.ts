// Scheduled transitions of an item: POST …/{id}/schedule {state, at}, GET the list, DELETE one.
import type { FastifyInstance } from 'fastify'
import { assertContentAccess } from '../../access/content-access.js'
import { fromDbDateTime } from '../../db/dates.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { loadVisibleItem } from '../../content/operations/load-item.js'
import { assertKnownParams } from '../../content/query/parse-fields.js'
import { scheduleTransition } from '../../workflow/schedule/schedule-transition.js'

const BASE = '/admin/api/content/:type/:id/schedule'
type P = { Params: { type: string, id: string }, Querystring: Record<string, unknown> }
type S = { Params: { type: string, id: string, sid: string }, Querystring: Record<string, unknown> }

export function scheduleRoutes (app: FastifyInstance, kernel: Kernel): void {
  app.post<P>(BASE, async (request, reply) => {
    assertKnownParams(request.query, [])
    const scheduled = await scheduleTransition(kernel, request.actor, request.params.type, request.params.id, request.body)
    return reply.code(201).send({ data: scheduled })
  })
  app.get<P>(BASE, async request => {
    assertKnownParams(request.query, [])
    const type = kernel.contentTypes.require(request.params.type)
    const item = await loadVisibleItem(kernel, request.actor, type, request.params.id)
    const rows = await kernel.db.knex('cms_scheduled_transitions').where({ type: type.id, item_id: item.id }).orderBy('run_at') as Array<Record<string, unknown>>
    return {
      data: rows.map(r => ({
        id: r.id, type: r.type, itemId: r.item_id, state: r.state, runAt: fromDbDateTime(r.run_at), userId: r.user_id, status: r.status, result: r.result
      }))
    }
  })
  app.delete<S>(`${BASE}/:sid`, async (request, reply) => {
    assertKnownParams(request.query, [])
    const type = kernel.contentTypes.require(request.params.type)
    const item = await loadVisibleItem(kernel, request.actor, type, request.params.id)
    await assertContentAccess(kernel.hooks, request.actor, 'update', type, item)
    const removed = await kernel.db.knex('cms_scheduled_transitions').where({ id: request.params.sid, item_id: item.id, status: 'pending' }).delete()
    if (removed === 0) throw new CmsError('NOT_FOUND', 'No pending scheduled transition with that id')
    return reply.code(204).send()
  })
}
