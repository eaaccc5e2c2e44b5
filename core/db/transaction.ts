// The one transaction helper: knex's callback form only (a hand-driven commit can report a lost
// write as saved), with after-commit callbacks that run once COMMIT has succeeded.
import type { Knex } from 'knex'
import type { Database } from './connect.js'

export type AfterCommit = () => Promise<void> | void

export interface UnitOfWork {
  trx: Knex.Transaction
  /** Queue a side effect for after COMMIT; it never runs if the transaction rolls back. */
  afterCommit (fn: AfterCommit): void
}

export type AfterCommitErrorHandler = (error: unknown) => void

export async function inTransaction<T> (
  db: Database,
  work: (uow: UnitOfWork) => Promise<T>,
  onAfterCommitError: AfterCommitErrorHandler = () => {}
): Promise<T> {
  const queue: AfterCommit[] = []
  const result = await db.knex.transaction(async trx => work({ trx, afterCommit: fn => { queue.push(fn) } }))
  for (const fn of queue) {
    try {
      await fn()
    } catch (error) {
      // After COMMIT the write stands: report, never fail the caller.
      onAfterCommitError(error)
    }
  }
  return result
}
