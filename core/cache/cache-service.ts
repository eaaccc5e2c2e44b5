// The kernel's response cache and its invalidation: local purges at once, other processes through
// the invalidation log. One service per kernel, created by the cache boot phase.
import type { Kernel } from '../kernel/kernel.js'
import type { InvalidationLog } from './invalidation-log.js'
import { CLEAR_ALL } from './invalidation-table.js'
import { ResponseCache } from './response-cache.js'

export class CacheService {
  readonly responses: ResponseCache
  /** Set once the database is migrated (ready phase). */
  log: InvalidationLog | undefined
  private readonly kernel: Kernel

  constructor (kernel: Kernel) {
    this.kernel = kernel
    this.responses = new ResponseCache(kernel.config.cache.enabled ? kernel.config.cache.maxEntries : 0)
  }

  get enabled (): boolean {
    return this.kernel.config.cache.enabled && this.kernel.config.cache.maxEntries > 0
  }

  /** After a committed write: purge here, then tell the other processes. */
  async invalidate (tags: readonly string[]): Promise<void> {
    this.responses.purge(tags)
    if (this.enabled) await this.log?.publish(tags)
  }

  /** Empties this process's cache and, through the log, every other process's. */
  async clear (): Promise<void> {
    this.responses.clear()
    await this.log?.publish(CLEAR_ALL)
  }
}

const services = new WeakMap<Kernel, CacheService>()

export function cacheService (kernel: Kernel): CacheService {
  let service = services.get(kernel)
  if (!service) services.set(kernel, service = new CacheService(kernel))
  return service
}
