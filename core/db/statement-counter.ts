// Counts SQL statements per request: an async-local counter that knex's query event bumps.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface StatementScope { statements: number }

const storage = new AsyncLocalStorage<StatementScope>()

export function withStatementScope<T> (scope: StatementScope, fn: () => T): T {
  return storage.run(scope, fn)
}

/** Enters a scope for the rest of the current async context (used by fastify's onRequest). */
export function enterStatementScope (scope: StatementScope): void {
  storage.enterWith(scope)
}

export function countStatement (): void {
  const scope = storage.getStore()
  if (scope) scope.statements++
}

export function currentStatementCount (): number {
  return storage.getStore()?.statements ?? 0
}
