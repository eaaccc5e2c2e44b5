// Builds the context a module's register() receives: every declaration lands in a registry,
// tagged with the module's name.
import type { CmsConfig } from '../settings/config-types.js'
import type { HookBus } from '../hooks/hook-bus.js'
import type { Registries } from '../registry/registries.js'
import type { Kernel } from './kernel.js'
import type { ModuleContext, ModuleDefinition, ServiceMap, ServiceName } from './module-types.js'

export function createModuleContext (
  definition: ModuleDefinition,
  options: Record<string, unknown>,
  config: CmsConfig,
  registries: Registries,
  hooks: HookBus,
  kernel: Kernel
): ModuleContext {
  const name = definition.name
  const allowed = new Set([name, ...(definition.dependsOn ?? [])])
  return {
    module: { name, version: definition.version },
    options,
    config,
    kernel: () => kernel,
    hooks: { on: (hook, handler, opts) => { hooks.on(name, hook, handler, opts) } },
    contentTypes: {
      define: definition => { registries.contentTypes.add(name, definition.id, definition) },
      extend: (typeId, fields) => { registries.contentTypeExtensions.add(name, { module: name, typeId, fields }) }
    },
    fieldTypes: { define: fieldType => { registries.fieldTypes.add(name, fieldType.name, fieldType) } },
    workflows: {
      define: workflow => { registries.workflows.add(name, workflow.id, workflow) },
      attach: (workflow, typeIds) => { for (const typeId of typeIds) registries.workflowAssignments.add(name, { workflow, typeId }) }
    },
    permissions: { define: permission => { registries.permissions.add(name, permission.name, permission) } },
    access: { rowRule: rule => { registries.rowRules.add(name, rule) } },
    routes: { add: installer => { registries.routes.add(name, installer) } },
    services: {
      provide: (service, impl) => { registries.services.add(name, service, impl) },
      get: <N extends ServiceName>(service: N): ServiceMap[N] => {
        const owner = registries.services.owner(service)
        if (owner === undefined) throw new Error(`Module ${name} asked for service "${service}", which no enabled module provides`)
        if (!allowed.has(owner)) throw new Error(`Module ${name} uses service "${service}" of ${owner} without depending on ${owner}`)
        return registries.services.get(service) as ServiceMap[N]
      }
    },
    migrations: { add: (...migrations) => { for (const m of migrations) registries.migrations.add(name, m) } },
    templates: {
      add: (template, source) => {
        if (typeof source !== 'string') throw new Error(`Template ${template} of ${name} must be a string`)
        registries.templates.add(name, template, source)
      }
    },
    jobs: { define: job => { registries.jobs.add(name, job.name, job) } },
    cli: { command: command => { registries.commands.add(name, command.name, command) } }
  }
}
