// The kernel: configuration, database, registries, hook bus and the ordered enabled modules.
// bootKernel builds one; close() tears it down in reverse.
import type { CmsConfig } from '../settings/config-types.js'
import { ContentTypeStore } from '../content/type-store.js'
import { WorkflowStore } from '../workflow/workflow-store.js'
import type { Database } from '../db/connect.js'
import type { HookBus } from '../hooks/hook-bus.js'
import type { Registries } from '../registry/registries.js'
import type { LoadedModule } from './load-modules.js'
import type { Logger } from './logger.js'
import type { ServiceMap, ServiceName } from './module-types.js'

export class Kernel {
  /** Set once every migration and schema step has run; /health/ready answers 503 before. */
  migrated = false
  /** Counts items of a content type; set by the content subsystem (used to refuse disabling). */
  contentCounter?: (typeId: string) => Promise<number>
  /** Content types, declared in code or created at runtime; loaded during boot. */
  readonly contentTypes: ContentTypeStore
  /** Workflows, declared in code or created at runtime; loaded during boot. */
  readonly workflows: WorkflowStore
  /** Permissions generated at runtime (per content type, per workflow transition); listed with the registry's. */
  readonly permissionProviders: Array<() => Array<{ name: string, title: string, description?: string, module: string }>> = []
  private closed = false
  private readonly closers: Array<() => Promise<void> | void> = []

  readonly config: CmsConfig
  readonly db: Database
  readonly logger: Logger
  readonly registries: Registries
  readonly hooks: HookBus
  readonly modules: readonly LoadedModule[]

  constructor (config: CmsConfig, db: Database, logger: Logger, registries: Registries, hooks: HookBus, modules: readonly LoadedModule[]) {
    this.config = config
    this.db = db
    this.logger = logger
    this.registries = registries
    this.hooks = hooks
    this.modules = modules
    this.contentTypes = new ContentTypeStore(this)
    this.workflows = new WorkflowStore(this)
  }

  get moduleNames (): string[] {
    return this.modules.map(m => m.definition.name)
  }

  service<N extends ServiceName> (name: N): ServiceMap[N] {
    if (!this.registries.services.has(name)) throw new Error(`No enabled module provides the service "${name}"`)
    return this.registries.services.get(name) as ServiceMap[N]
  }

  /** Runs at close(), last registered first. */
  onClose (fn: () => Promise<void> | void): void {
    this.closers.push(fn)
  }

  async close (): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const fn of [...this.closers].reverse()) {
      try {
        await fn()
      } catch (error) {
        this.logger.error({ err: error }, 'error while closing')
      }
    }
    for (const module of [...this.modules].reverse()) {
      try {
        await module.definition.onClose?.(this)
      } catch (error) {
        this.logger.error({ err: error, module: module.definition.name }, 'module onClose failed')
      }
    }
    await this.db.close()
  }
}
