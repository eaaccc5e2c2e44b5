// Security headers computed once: helmet builds its middleware from options, and running that
// middleware against a recording response yields the exact header set it would write. Applying
// the recorded set per request costs a few setHeader calls instead of rebuilding helmet each time.
import helmet, { type HelmetOptions } from 'helmet'
import type { ServerResponse } from 'node:http'

export interface SecurityHeaders {
  readonly set: ReadonlyArray<readonly [string, string]>
  readonly remove: readonly string[]
}

function hasDynamicDirective (options: HelmetOptions): boolean {
  const csp = options.contentSecurityPolicy
  const directives = typeof csp === 'object' ? csp.directives ?? {} : {}
  return Object.values(directives).some(value => typeof value === 'function' || (Array.isArray(value) && value.some(v => typeof v === 'function')))
}

export function securityHeaders (options: HelmetOptions): SecurityHeaders {
  // A directive computed per request (a nonce) cannot be recorded once.
  if (hasDynamicDirective(options)) throw new Error('Content-Security-Policy directives must be static values')
  const set: Array<[string, string]> = []
  const remove: string[] = []
  const recorder = {
    setHeader (name: string, value: string) { set.push([name, value]) },
    removeHeader (name: string) { remove.push(name) }
  }
  // Invalid static options throw here, at registration, as they did inside @fastify/helmet.
  helmet(options)({} as never, recorder as never, () => {})
  return { set, remove }
}

export function applySecurityHeaders (response: ServerResponse, headers: SecurityHeaders): void {
  for (const [name, value] of headers.set) response.setHeader(name, value)
  for (const name of headers.remove) response.removeHeader(name)
}
