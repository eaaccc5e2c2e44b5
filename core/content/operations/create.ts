// Create: parse → access → validate → (transaction) hooks, write, hooks → commit → after-commit.
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../access/actor.js'
import { assertContentAccess } from '../../access/content-access.js'
import type { Kernel } from '../../kernel/kernel.js'
import { moderate } from '../../workflow/moderate.js'
import type { ContentItem } from '../content-item.js'
import { parseDocument } from '../validate/parse-document.js'
import { assertReferencesExist } from '../validate/references-exist.js'
import { validateInput } from '../validate/validate-input.js'
import { saveItem } from './save-item.js'

export async function createContent (kernel: Kernel, actor: Actor, typeId: string, body: unknown): Promise<ContentItem> {
  // 1. parse
  const type = kernel.contentTypes.require(typeId)
  const doc = parseDocument(body, typeId)
  // 2. access
  await assertContentAccess(kernel.hooks, actor, 'create', type)
  // 3. validate
  const input = validateInput(type, doc, 'create', actor)
  await assertReferencesExist(kernel, type, input.values, actor, input.uid)
  const values: Record<string, unknown> = {}
  for (const field of type.fields.values()) {
    // A value the document sets, null included, wins over the default.
    values[field.name] = Object.hasOwn(input.values, field.name)
      ? input.values[field.name]
      : structuredClone(field.definition.default) ?? (field.multiple ? [] : null)
  }
  const workflow = type.definition.workflow ? kernel.workflows.get(type.definition.workflow) : undefined
  const moderation = workflow ? moderate(workflow, actor, undefined, input.moderationState, false) : undefined
  const now = new Date().toISOString()
  const item: ContentItem = {
    type: type.id,
    id: uuidv7(),
    rev: null,
    defaultRev: null,
    latestRev: null,
    version: 1,
    uid: input.uid !== undefined ? input.uid : actor.userId,
    created: input.created ?? now,
    changed: now,
    status: moderation ? moderation.published : input.status ?? false,
    moderationState: moderation?.state ?? null,
    values
  }
  // 4–7. hooks, write, commit, after-commit
  return saveItem(kernel, { operation: 'create', type, actor, item, original: undefined, isDefaultRevision: true, revisionLog: doc.revisionLog })
}
