// Update (partial: only the members sent change): load → If-Match → access → validate →
// moderation → save as a new revision (default, or pending when the workflow says so).
import type { Actor } from '../../access/actor.js'
import { assertContentAccess } from '../../access/content-access.js'
import type { Kernel } from '../../kernel/kernel.js'
import { moderate } from '../../workflow/moderate.js'
import type { ContentItem } from '../content-item.js'
import { parseDocument } from '../validate/parse-document.js'
import { assertReferencesExist } from '../validate/references-exist.js'
import { validateInput } from '../validate/validate-input.js'
import { assertIfMatch, loadVisibleItem, workingCopy } from './load-item.js'
import { saveItem } from './save-item.js'

export interface UpdateOptions { ifMatch?: string | undefined }

export async function updateContent (kernel: Kernel, actor: Actor, typeId: string, id: string, body: unknown, options: UpdateOptions = {}): Promise<ContentItem> {
  // 1. parse
  const type = kernel.contentTypes.require(typeId)
  const doc = parseDocument(body, typeId, id)
  const original = await loadVisibleItem(kernel, actor, type, id)
  assertIfMatch(original, options.ifMatch)
  // 2. access
  await assertContentAccess(kernel.hooks, actor, 'update', type, original)
  // 3. validate
  const input = validateInput(type, doc, 'update', actor)
  await assertReferencesExist(kernel, type, input.values, actor, input.uid)
  const base = await workingCopy(kernel, type, original)
  const workflow = type.definition.workflow ? kernel.workflows.get(type.definition.workflow) : undefined
  const moderation = workflow ? moderate(workflow, actor, base.moderationState ?? undefined, input.moderationState, original.status) : undefined
  const item: ContentItem = {
    ...base,
    values: { ...base.values, ...input.values },
    defaultRev: original.defaultRev,
    latestRev: original.latestRev,
    version: original.version + 1,
    uid: input.uid !== undefined ? input.uid : base.uid,
    created: input.created ?? base.created,
    changed: new Date().toISOString(),
    status: moderation ? moderation.published : input.status ?? base.status,
    moderationState: moderation?.state ?? base.moderationState
  }
  // 4–7. hooks, write, commit, after-commit
  return saveItem(kernel, {
    operation: 'update', type, actor, item, original, isDefaultRevision: moderation?.isDefaultRevision ?? true, revisionLog: doc.revisionLog
  }, { preconditioned: options.ifMatch !== undefined })
}
