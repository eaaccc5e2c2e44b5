// The payload of the content lifecycle hooks (validate → presave → write → insert/update/delete
// inside one transaction, then afterCommit).
import type { Actor } from '../access/actor.js'
import type { UnitOfWork } from '../db/transaction.js'
import type { CompiledType } from './compiled-type.js'
import type { ContentItem } from './content-item.js'

export type ContentOperation = 'create' | 'update' | 'delete'

export interface ContentEvent {
  operation: ContentOperation
  type: CompiledType
  actor: Actor
  /** The item being written (for delete: the item being removed). */
  item: ContentItem
  /** The stored item before an update or delete. */
  original: ContentItem | undefined
  /** Whether this save becomes the default (served) revision. */
  isDefaultRevision: boolean
  revisionLog: string | null
  /** The open transaction: hooks write through uow.trx so a throw rolls everything back. */
  uow: UnitOfWork
}

/** After COMMIT: the transaction is gone, the write stands. */
export type ContentCommitted = Omit<ContentEvent, 'uow'>
