// Delete: load → If-Match → access → (transaction) content.delete hooks, remove item, side
// tables and revisions → commit → after-commit.
import type { Actor } from '../../access/actor.js'
import { assertContentAccess } from '../../access/content-access.js'
import { inTransaction } from '../../db/transaction.js'
import type { Kernel } from '../../kernel/kernel.js'
import { deleteItem } from '../repository/write-item.js'
import { assertIfMatch, loadVisibleItem } from './load-item.js'
import { concurrentChange } from './save-item.js'

export async function deleteContent (kernel: Kernel, actor: Actor, typeId: string, id: string, options: { ifMatch?: string | undefined } = {}): Promise<void> {
  const type = kernel.contentTypes.require(typeId)
  const item = await loadVisibleItem(kernel, actor, type, id)
  assertIfMatch(item, options.ifMatch)
  await assertContentAccess(kernel.hooks, actor, 'delete', type, item)
  await inTransaction(kernel.db, async uow => {
    const event = { operation: 'delete' as const, type, actor, item, original: item, isDefaultRevision: true, revisionLog: null, uow }
    await kernel.hooks.action('content.delete', event)
    if (!await deleteItem(uow.trx, type, id, item.version)) throw concurrentChange(options.ifMatch !== undefined)
    const { uow: _uow, ...committed } = event
    kernel.hooks.afterCommit('content.afterCommit', committed, uow)
  }, error => { kernel.logger.error({ err: error }, 'content after-commit step failed') })
}
