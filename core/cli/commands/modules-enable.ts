// cms modules:enable NAME / modules:disable NAME: record the change in the database; it applies
// at the next start. Refused when dependencies are missing or dependents (or content) remain.
import { loadModule } from '../../kernel/load-modules.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CliCommand, CliInput } from '../../kernel/module-types.js'
import { setModuleState } from '../../kernel/module-state.js'
import { moduleUsage } from '../../kernel/module-usage.js'
import { UsageError } from '../usage-error.js'

function nameArgument ({ positionals }: CliInput): string {
  const [name, ...rest] = positionals
  if (!name || rest.length > 0) throw new UsageError('Expected exactly one module name')
  return name
}

export const modulesEnableCommand: CliCommand = {
  name: 'modules:enable',
  description: 'Enable a module (applies at the next start)',
  usage: 'modules:enable <name>',
  needs: 'kernel',
  async run (input) {
    const name = nameArgument(input)
    const kernel = input.kernel as Kernel
    if (kernel.moduleNames.includes(name)) {
      input.stdout(`Module ${name} is already enabled.`)
      return 0
    }
    const module = await loadModule({ name, options: {} }, input.rootDir)
    const missing = (module.definition.dependsOn ?? []).filter(dep => !kernel.moduleNames.includes(dep))
    if (missing.length > 0) {
      input.stderr(`Cannot enable ${name}: it depends on ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not enabled`)
      return 1
    }
    await setModuleState(kernel.db.knex, name, module.definition.version, true)
    input.stdout(`Enabled ${name}; restart the server to load it.`)
    return 0
  }
}

export const modulesDisableCommand: CliCommand = {
  name: 'modules:disable',
  description: 'Disable a module (applies at the next start)',
  usage: 'modules:disable <name>',
  needs: 'kernel',
  async run (input) {
    const name = nameArgument(input)
    const kernel = input.kernel as Kernel
    const module = kernel.modules.find(m => m.definition.name === name)
    if (!module) {
      input.stderr(`Module ${name} is not enabled`)
      return 1
    }
    const problem = await moduleUsage(kernel, name)
    if (problem) {
      input.stderr(`Cannot disable ${name}: ${problem}`)
      return 1
    }
    await setModuleState(kernel.db.knex, name, module.definition.version, false)
    input.stdout(`Disabled ${name}; restart the server to unload it.`)
    return 0
  }
}
