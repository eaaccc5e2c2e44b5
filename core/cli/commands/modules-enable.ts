// cms modules:enable NAME / modules:disable NAME: record the change in the database; it applies
// at the next start. Refused when dependencies are missing or dependents (or content) remain.
import type { Kernel } from '../../kernel/kernel.js'
import { disableModule, enableModule } from '../../kernel/module-admin.js'
import type { CliCommand, CliInput } from '../../kernel/module-types.js'
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
    const changed = await enableModule(input.kernel as Kernel, name)
    input.stdout(changed ? `Enabled ${name}; restart the server to load it.` : `Module ${name} is already enabled.`)
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
    await disableModule(input.kernel as Kernel, name)
    input.stdout(`Disabled ${name}; restart the server to unload it.`)
    return 0
  }
}
