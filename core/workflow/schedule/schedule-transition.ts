// Schedules "move item X to state S at time T". The caller must be allowed to make that
// transition now; when it runs, it runs as that caller, through the same update operation
// (access, validation, hooks, revision log, cache invalidation) as a manual transition.
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../access/actor.js'
import { assertContentAccess } from '../../access/content-access.js'
import { nowDb, toDbDateTime } from '../../db/dates.js'
import { CmsError, validationError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { loadVisibleItem, workingCopy } from '../../content/operations/load-item.js'
import { bodyValidator } from '../../http/body-validator.js'
import { moderate } from '../moderate.js'

export interface ScheduledTransition {
  id: string
  type: string
  itemId: string
  state: string
  runAt: string
  userId: string | null
  status: 'pending' | 'running' | 'done' | 'failed'
  result: string | null
}

const validateBody = bodyValidator<{ state: string, at: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['state', 'at'],
  properties: { state: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,31}$' }, at: { type: 'string', format: 'date-time' } }
})

export async function scheduleTransition (kernel: Kernel, actor: Actor, typeId: string, itemId: string, body: unknown): Promise<ScheduledTransition> {
  const input = validateBody(body)
  const type = kernel.contentTypes.require(typeId)
  const workflow = type.definition.workflow ? kernel.workflows.get(type.definition.workflow) : undefined
  if (!workflow) throw new CmsError('CONFLICT', `${type.id} has no workflow to schedule transitions in`)
  const item = await loadVisibleItem(kernel, actor, type, itemId)
  await assertContentAccess(kernel.hooks, actor, 'update', type, item)
  const runAt = new Date(input.at)
  if (Number.isNaN(runAt.getTime()) || runAt.getUTCFullYear() > 9999) throw validationError([{ pointer: '/at', detail: 'must be a valid date-time' }])
  // Checks now that the state exists and the caller may use a transition into it (the same check
  // the update makes when the schedule runs, self-transitions such as published → published included).
  const current = await workingCopy(kernel, type, item)
  moderate(workflow, actor, current.moderationState ?? undefined, input.state, item.status, '/state')
  const row = {
    id: uuidv7(), type: type.id, item_id: item.id, state: input.state, run_at: toDbDateTime(runAt), user_id: actor.userId, status: 'pending', result: null, created: nowDb()
  }
  await kernel.db.knex('cms_scheduled_transitions').insert(row)
  return { id: row.id, type: row.type, itemId: row.item_id, state: row.state, runAt: runAt.toISOString(), userId: row.user_id, status: 'pending', result: null }
}
