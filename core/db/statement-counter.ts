// Counts SQL statements per request: an async-local counter that knex's query event bumps, for
// the requests that ask for it (header X-Sql-Statements). On node 20 an AsyncLocalStorage in use
// runs a hook for every promise created anywhere in the process, so the storage is switched on
// only while such a request is in flight: the other requests pay nothing.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface StatementScope { statements: number }

/** The request and response header: a request carrying it gets its statement count back. */
export const STATEMENT_HEADER = 'x-sql-statements'

const storage = new AsyncLocalStorage<StatementScope>()
let scopesOpen = 0

/** Runs fn in a counting scope; the returned function closes it (call it exactly once). */
export function openStatementScope (scope: StatementScope, fn: () => void): () => void {
  scopesOpen++
  let open = true
  storage.run(scope, fn)
  return () => {
    if (!open) return
    open = false
    // run() switches the storage back on for the next counted request.
    if (--scopesOpen === 0) storage.disable()
  }
}

export function countStatement (): void {
  const scope = storage.getStore()
  if (scope) scope.statements++
}
