// Revert: write a new revision carrying an older revision's values (and its moderation state,
// through a valid transition), logged as a revert. Needs "revert revisions" and edit access.
import type { Actor } from '../../access/actor.js'
import { assertContentAccess, mayPublish } from '../../access/content-access.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { moderate } from '../../workflow/moderate.js'
import type { ContentItem } from '../content-item.js'
import { loadRevision } from '../repository/revisions.js'
import { assertIfMatch, loadVisibleItem, workingCopy } from './load-item.js'
import { saveItem } from './save-item.js'

export async function revertContent (kernel: Kernel, actor: Actor, typeId: string, id: string, rev: number, options: { ifMatch?: string | undefined } = {}): Promise<ContentItem> {
  const type = kernel.contentTypes.require(typeId)
  const original = await loadVisibleItem(kernel, actor, type, id)
  assertIfMatch(original, options.ifMatch)
  await assertContentAccess(kernel.hooks, actor, 'revert', type, original)
  const revision = await loadRevision(kernel.db.knex, type, original, rev)
  if (!revision) throw new CmsError('NOT_FOUND', `No revision ${rev} of ${type.id} ${id}`)
  const current = await workingCopy(kernel, type, original)
  const workflow = type.definition.workflow ? kernel.workflows.get(type.definition.workflow) : undefined
  const moderation = workflow
    ? moderate(workflow, actor, current.moderationState ?? undefined, revision.moderationState ?? undefined, original.status)
    : undefined
  const item: ContentItem = {
    ...revision,
    defaultRev: original.defaultRev,
    latestRev: original.latestRev,
    version: original.version + 1,
    changed: new Date().toISOString(),
    // Without a workflow, reverting must not publish or unpublish for someone who may not.
    status: moderation ? moderation.published : mayPublish(actor, type.id) ? revision.status : original.status,
    moderationState: moderation?.state ?? revision.moderationState
  }
  return saveItem(kernel, {
    operation: 'update', type, actor, item, original, isDefaultRevision: moderation?.isDefaultRevision ?? true, revisionLog: `Reverted to revision ${rev}`
  }, { preconditioned: options.ifMatch !== undefined })
}
