// The commands core ships; modules add theirs with ctx.cli.command().
import type { CliCommand } from '../kernel/module-types.js'
import { cronRunCommand } from './commands/cron-run.js'
import { hooksListCommand } from './commands/hooks-list.js'
import { migrateCommand } from './commands/migrate.js'
import { modulesDisableCommand, modulesEnableCommand } from './commands/modules-enable.js'
import { modulesListCommand } from './commands/modules-list.js'
import { serveCommand } from './commands/serve.js'
import { userCreateCommand } from './commands/user-create.js'
import { cacheClearCommand } from './commands/cache-clear.js'

export const coreCommands: readonly CliCommand[] = [
  serveCommand, migrateCommand, modulesListCommand, modulesEnableCommand, modulesDisableCommand, hooksListCommand, cronRunCommand, userCreateCommand, cacheClearCommand
]
