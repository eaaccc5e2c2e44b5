// Loads an item for an operation: 404 when it does not exist or the caller may not see it,
// 412 when If-Match names another version.
import type { Actor } from '../../access/actor.js'
import { contentAccess } from '../../access/content-access.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../compiled-type.js'
import { etagOf, type ContentItem } from '../content-item.js'
import { loadItem } from '../repository/read-items.js'
import { loadRevision } from '../repository/revisions.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export async function loadVisibleItem (kernel: Kernel, actor: Actor, type: CompiledType, id: string): Promise<ContentItem> {
  const item = UUID.test(id) ? await loadItem(kernel.db.knex, type, id) : undefined
  if (!item || !(await contentAccess(kernel.hooks, actor, 'view', type, item))) throw new CmsError('NOT_FOUND', `No ${type.id} with id ${id}`)
  return item
}

export function assertIfMatch (item: ContentItem, ifMatch: string | undefined): void {
  if (ifMatch === undefined) return
  const tags = ifMatch.split(',').map(t => t.trim())
  if (!tags.includes('*') && !tags.includes(etagOf(item))) {
    throw new CmsError('PRECONDITION_FAILED', 'The item changed since you read it (If-Match does not match its ETag)', { source: { header: 'If-Match' } })
  }
}

/** The newest revision (a pending draft when one exists), which edits build on. */
export async function workingCopy (kernel: Kernel, type: CompiledType, item: ContentItem): Promise<ContentItem> {
  if (item.latestRev === null || item.latestRev === item.defaultRev) return item
  return (await loadRevision(kernel.db.knex, type, item, item.latestRev)) ?? item
}
