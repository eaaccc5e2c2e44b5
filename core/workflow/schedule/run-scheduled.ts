// Runs due scheduled transitions. Each is claimed by one atomic UPDATE (pending → running), so
// two processes firing at once apply it exactly once, with exactly one revision.
import { ANONYMOUS, SYSTEM } from '../../access/actor.js'
import { actorForUser } from '../../access/user-actor.js'
import { nowDb } from '../../db/dates.js'
import type { Kernel } from '../../kernel/kernel.js'
import { updateContent } from '../../content/operations/update.js'

interface Row { id: string, type: string, item_id: string, state: string, user_id: string | null }

async function claim (kernel: Kernel, id: string): Promise<boolean> {
  const updated = await kernel.db.knex('cms_scheduled_transitions').where({ id, status: 'pending' }).update({ status: 'running' })
  return updated === 1
}

async function finish (kernel: Kernel, id: string, status: 'done' | 'failed', result: string): Promise<void> {
  await kernel.db.knex('cms_scheduled_transitions').where('id', id).update({ status, result: result.slice(0, 1000), finished: nowDb() })
}

/** True when the transition was applied; false when it failed (recorded on the row). */
async function runOne (kernel: Kernel, row: Row): Promise<boolean> {
  // Scheduled by the system (no user) → system; by a user → that user's current rights.
  const actor = row.user_id === null ? SYSTEM : (await actorForUser(kernel.db.knex, row.user_id)) ?? ANONYMOUS
  if (actor === ANONYMOUS) {
    await finish(kernel, row.id, 'failed', 'The user who scheduled this is blocked or deleted')
    return false
  }
  try {
    const body = { data: { type: row.type, id: row.item_id, attributes: { moderation_state: row.state }, meta: { revision_log: `Scheduled transition to ${row.state}` } } }
    await updateContent(kernel, actor, row.type, row.item_id, body)
    await finish(kernel, row.id, 'done', `Moved to ${row.state}`)
    return true
  } catch (error) {
    kernel.logger.warn({ err: error, scheduled: row.id }, 'scheduled transition failed')
    await finish(kernel, row.id, 'failed', (error as Error).message)
    return false
  }
}

/** Returns how many transitions this call applied. */
export async function runScheduledTransitions (kernel: Kernel, limit = 100): Promise<number> {
  const due = await kernel.db.knex('cms_scheduled_transitions')
    .where('status', 'pending').andWhere('run_at', '<=', nowDb())
    .orderBy('run_at').limit(limit)
    .select('id', 'type', 'item_id', 'state', 'user_id') as Row[]
  let applied = 0
  for (const row of due) {
    if (!(await claim(kernel, row.id))) continue
    if (!kernel.contentTypes.get(row.type)) {
      // Its type is gone: fail it rather than leave it pending ahead of every later transition.
      await finish(kernel, row.id, 'failed', `The content type ${row.type} no longer exists`)
      continue
    }
    if (await runOne(kernel, row)) applied++
  }
  return applied
}
