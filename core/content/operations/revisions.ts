// List an item's revisions and fetch one ("view revisions" permission).
import type { Actor } from '../../access/actor.js'
import { assertContentAccess } from '../../access/content-access.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { ContentItem } from '../content-item.js'
import { listRevisions, type RevisionSummary } from '../repository/revisions.js'
import { findOneContent } from './find-one.js'
import { loadVisibleItem } from './load-item.js'

export async function listContentRevisions (kernel: Kernel, actor: Actor, typeId: string, id: string): Promise<{ item: ContentItem, revisions: RevisionSummary[] }> {
  const type = kernel.contentTypes.require(typeId)
  const item = await loadVisibleItem(kernel, actor, type, id)
  await assertContentAccess(kernel.hooks, actor, 'view revisions', type, item)
  return { item, revisions: await listRevisions(kernel.db.knex, type, id) }
}

export async function getContentRevision (kernel: Kernel, actor: Actor, typeId: string, id: string, rev: number): Promise<ContentItem> {
  return findOneContent(kernel, actor, typeId, id, { rev })
}
