// Counts SQL statements per request: an async-local counter that knex's query event bumps.
// Optional (server.statementCounter): on node 20 an AsyncLocalStorage in use runs a hook for
// every promise created anywhere in the process.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface StatementScope { statements: number }

const storage = new AsyncLocalStorage<StatementScope>()

export function withStatementScope<T> (scope: StatementScope, fn: () => T): T {
  return storage.run(scope, fn)
}

export function countStatement (): void {
  const scope = storage.getStore()
  if (scope) scope.statements++
}
