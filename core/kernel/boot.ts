// Boot: connect, migrate core, load and order the enabled modules, let each register, freeze the
// registries, run module migrations in dependency order, then onReady.
import type { BootOptions, CmsConfig } from '../settings/config-types.js'
import { connectDatabase } from '../db/connect.js'
import { migrate } from '../db/migrator.js'
import { HookBus } from '../hooks/hook-bus.js'
import { Registries } from '../registry/registries.js'
import { coreMigrations } from '../../migrations/index.js'
import { Kernel } from './kernel.js'
import { loadModule, type LoadedModule } from './load-modules.js'
import { createLogger, type Logger } from './logger.js'
import { createModuleContext } from './module-context.js'
import { effectiveModules, readModuleState, setModuleState } from './module-state.js'
import { orderModules, transitiveDependencies } from './order-modules.js'
import { bootPhases } from './boot-phases.js'

export interface KernelBootOptions extends BootOptions {
  logger?: Logger
}

export async function bootKernel (config: CmsConfig, options: KernelBootOptions = {}): Promise<Kernel> {
  const logger = options.logger ?? createLogger(config.log.level)
  const db = connectDatabase(config.database)
  try {
    await migrate(db, [{ owner: 'core', migrations: coreMigrations }])
    const state = await readModuleState(db.knex)
    const entries = effectiveModules(config.modules, state)
    const loaded: LoadedModule[] = []
    for (const entry of entries) loaded.push(await loadModule(entry, config.rootDir, options.moduleSources))
    const ordered = orderModules(loaded.map(m => ({ ...m, name: m.definition.name, dependsOn: m.definition.dependsOn ?? [] })))

    const registries = new Registries()
    const hooks = new HookBus(logger)
    const kernel = new Kernel(config, db, logger, registries, hooks, ordered)
    for (const phase of bootPhases) await phase.register?.(kernel)
    for (const module of ordered) {
      const ctx = createModuleContext(module.definition, module.options, config, registries, hooks, kernel)
      try {
        await module.definition.register(ctx)
      } catch (error) {
        throw new Error(`Module "${module.definition.name}" failed to register: ${(error as Error).message}`, { cause: error })
      }
    }
    registries.freeze()
    hooks.freeze(['core', ...kernel.moduleNames], transitiveDependencies(ordered.map(m => m.definition)))

    // Core subsystems first (roles, content tables), so module migrations can build on them.
    for (const phase of bootPhases) await phase.ready?.(kernel)
    await migrate(db, ordered.map(m => ({
      owner: m.definition.name,
      migrations: registries.migrations.list().filter(d => d.module === m.definition.name).map(d => d.value)
    })))
    // Written only when it changes: a restart of the same modules costs no writes.
    for (const { definition: { name, version } } of ordered) {
      const known = state.get(name)
      if (known?.version !== version || !known.enabled) await setModuleState(db.knex, name, version, true)
    }
    kernel.migrated = true

    await hooks.action('kernel.ready', { modules: kernel.moduleNames })
    for (const module of ordered) await module.definition.onReady?.(kernel)
    return kernel
  } catch (error) {
    await db.close()
    throw error
  }
}
