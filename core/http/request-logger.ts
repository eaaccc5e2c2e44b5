// Per-request loggers created on first use. pino's child() runs the redaction over its bindings
// (the request id) at creation: a cost every request paid although most never log a line.
import type { Logger } from '../kernel/logger.js'

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const

/** fastify's childLoggerFactory: the child made by pino on the first enabled log call. */
export function lazyChildLogger (parent: Logger, bindings: Record<string, unknown>, options: object): Logger {
  // A route log level makes a child with other level methods: let pino build it as before.
  if (Object.keys(options).length > 0) return parent.child(bindings, options)
  let real: Logger | undefined
  const resolve = () => (real ??= parent.child(bindings))
  // Everything not overridden (disabled levels' no-ops, level, isLevelEnabled) is the parent's.
  const lazy = Object.create(parent) as Logger & Record<string, unknown>
  for (const level of LEVELS) {
    if (parent.isLevelEnabled(level)) lazy[level] = (...args: unknown[]) => { (resolve()[level] as (...a: unknown[]) => void)(...args) }
  }
  lazy.child = (childBindings, childOptions) => resolve().child(childBindings, childOptions)
  lazy.bindings = () => resolve().bindings()
  return lazy
}
