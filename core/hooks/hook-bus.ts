// The hook bus: modules register handlers while booting; after freeze the resolved order is fixed
// and filter / action / after-commit hooks run through it.
import { isCmsError } from '../errors/cms-error.js'
import type { UnitOfWork } from '../db/transaction.js'
import type { HookHandler, HookName, HookOptions, HookPayload } from './hook-map.js'
import { orderHandlers, type OrderableHandler } from './order-handlers.js'

interface Registered extends OrderableHandler {
  hook: string
  handler: (value: unknown) => unknown
}

export interface HookLogger { error (details: object, message: string): void }

/** A handler failure, tagged with the module and hook it came from. */
export class HookError extends Error {
  readonly module: string
  readonly hook: string
  constructor (module: string, hook: string, cause: unknown) {
    super(`${module}:${hook}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'HookError'
    this.module = module
    this.hook = hook
  }
}

export class HookBus {
  private readonly registered: Registered[] = []
  private resolved = new Map<string, Registered[]>()
  private frozen = false
  private seq = 0

  private readonly logger: HookLogger

  constructor (logger: HookLogger = { error: () => {} }) {
    this.logger = logger
  }

  on<N extends HookName> (module: string, hook: N, handler: HookHandler<N>, options: HookOptions = {}): void {
    if (this.frozen) throw new Error(`Hook ${hook} registered by ${module} after boot: hooks are declared in register()`)
    const entry: Registered = {
      module, hook, seq: this.seq++, handler: handler as (value: unknown) => unknown, before: options.before ?? [], after: options.after ?? []
    }
    if (options.position) entry.position = options.position
    this.registered.push(entry)
  }

  /**
   * Fixes every hook's order; moduleOrder is the dependency order of the enabled modules and
   * dependsOn maps each module to all the modules it depends on (directly or not).
   */
  freeze (moduleOrder: readonly string[], dependsOn: ReadonlyMap<string, ReadonlySet<string>> = new Map()): void {
    const rank = new Map(moduleOrder.map((name, index) => [name, index]))
    const byHook = new Map<string, Registered[]>()
    for (const entry of this.registered) byHook.set(entry.hook, [...(byHook.get(entry.hook) ?? []), entry])
    this.resolved = new Map([...byHook].map(([hook, list]) => [hook, orderHandlers(list, rank, hook, dependsOn)]))
    this.frozen = true
  }

  /** The resolved order: hook name → modules whose handlers run, in order. */
  list (): Record<string, string[]> {
    const out: Record<string, string[]> = {}
    for (const hook of [...this.resolved.keys()].sort()) out[hook] = (this.resolved.get(hook) ?? []).map(h => h.module)
    return out
  }

  has (hook: HookName): boolean {
    return (this.resolved.get(hook)?.length ?? 0) > 0
  }

  private async call (entry: Registered, value: unknown): Promise<unknown> {
    try {
      return await entry.handler(value)
    } catch (error) {
      // Client-facing errors (validation, access) pass through untouched.
      if (isCmsError(error)) throw error
      throw new HookError(entry.module, entry.hook, error)
    }
  }

  async filter<N extends HookName> (hook: N, value: HookPayload<N>): Promise<HookPayload<N>> {
    let current: unknown = value
    for (const entry of this.resolved.get(hook) ?? []) {
      const next = await this.call(entry, current)
      if (next !== undefined) current = next
    }
    return current as HookPayload<N>
  }

  async action<N extends HookName> (hook: N, payload: HookPayload<N>): Promise<void> {
    for (const entry of this.resolved.get(hook) ?? []) await this.call(entry, payload)
  }

  /** Queues the hook to run after COMMIT of uow; it never runs if the transaction rolls back. */
  afterCommit<N extends HookName> (hook: N, payload: HookPayload<N>, uow: UnitOfWork): void {
    uow.afterCommit(async () => {
      for (const entry of this.resolved.get(hook) ?? []) {
        try {
          await this.call(entry, payload)
        } catch (error) {
          this.logger.error({ err: error, module: entry.module, hook }, `after-commit hook ${entry.module}:${hook} failed`)
        }
      }
    })
  }
}
