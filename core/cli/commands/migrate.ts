// cms migrate: boot (which applies core and module migrations and syncs schemas), report, exit.
import type { CliCommand } from '../../kernel/module-types.js'

export const migrateCommand: CliCommand = {
  name: 'migrate',
  description: 'Apply pending core and module migrations',
  needs: 'kernel',
  async run ({ stdout }) {
    stdout('Migrations are up to date.')
    return 0
  }
}
