// The write half shared by create, update and revert: inside one transaction run
// content.validate → content.presave → write (item, side tables, revision) → content.insert /
// content.update; after COMMIT queue content.afterCommit. Any throw before COMMIT leaves no row.
import type { Kernel } from '../../kernel/kernel.js'
import { inTransaction } from '../../db/transaction.js'
import { CmsError, validationError } from '../../errors/cms-error.js'
import type { ContentEvent } from '../content-event.js'
import type { ContentItem } from '../content-item.js'
import { snapshotColumns } from '../repository/row-mapping.js'
import { insertItem, insertRevision, updateItem } from '../repository/write-item.js'
import { isUniqueViolation } from '../../access/unique-violation.js'
import { uniqueViolations } from './unique-values.js'

export type SaveRequest = Omit<ContentEvent, 'uow'>

/**
 * Another writer saved the item between our read and our write: 412 when the caller made the
 * write conditional (If-Match), else 409 — never a silently lost update.
 */
export function concurrentChange (preconditioned: boolean): CmsError {
  return preconditioned
    ? new CmsError('PRECONDITION_FAILED', 'The item changed while this request was being processed (If-Match no longer matches its ETag)', { source: { header: 'If-Match' } })
    : new CmsError('CONFLICT', 'The item was changed by another request while this one was being saved; read it again and retry')
}

export async function saveItem (kernel: Kernel, request: SaveRequest, options: { preconditioned?: boolean } = {}): Promise<ContentItem> {
  const { db, hooks, logger } = kernel
  let saved = request.item
  try {
    return await inTransaction(db, async uow => {
      let event: ContentEvent = { ...request, uow }
      await hooks.action('content.validate', event)
      event = await hooks.filter('content.presave', event)
      const { type, item } = event
      saved = item
      // Writing the item row meets the unique indexes (a clash is mapped below, without a SELECT
      // per unique field on every save); a pending revision leaves that row alone, so check here.
      if (event.operation !== 'create' && !event.isDefaultRevision) {
        const violations = await uniqueViolations(uow.trx, db.dialect, type, item)
        if (violations.length > 0) throw validationError(violations)
      }
      // The columns the revision row and the item row share, converted once for both.
      const snapshot = snapshotColumns(type, item, db.dialect)
      if (type.revisions) {
        const rev = await insertRevision(uow.trx, db.dialect, type, item, { uid: event.actor.userId, log: event.revisionLog }, snapshot)
        item.rev = rev
        item.latestRev = rev
        if (event.isDefaultRevision) item.defaultRev = rev
      }
      if (event.operation === 'create') await insertItem(uow.trx, db.dialect, type, item, snapshot)
      else if (!await updateItem(uow.trx, db.dialect, type, item, event.isDefaultRevision, (event.original ?? item).version, snapshot)) {
        throw concurrentChange(options.preconditioned === true)
      }
      await hooks.action(event.operation === 'create' ? 'content.insert' : 'content.update', event)
      const { uow: _ignored, ...committed } = event
      hooks.afterCommit('content.afterCommit', committed, uow)
      return item
    }, error => { logger.error({ err: error }, 'content after-commit step failed') })
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Rolled back: name the clashing fields, as the pre-write check does for pending revisions.
      const violations = await uniqueViolations(db.knex, db.dialect, request.type, saved)
      throw violations.length > 0 ? validationError(violations) : new CmsError('VALIDATION', 'A unique field already has this value in another item')
    }
    throw error
  }
}
