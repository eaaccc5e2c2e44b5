// cms modules:list: enabled modules in dependency order, then the available but disabled ones.
import { listModules } from '../../kernel/module-admin.js'
import type { CliCommand } from '../../kernel/module-types.js'

export const modulesListCommand: CliCommand = {
  name: 'modules:list',
  description: 'List modules: enabled ones in dependency order, then disabled ones',
  options: { json: { type: 'boolean' } },
  needs: 'kernel',
  async run ({ kernel, stdout, values }) {
    if (!kernel) return 1
    const rows = listModules(kernel)
    if (values.json === true) {
      stdout(JSON.stringify(rows, null, 2))
      return 0
    }
    for (const m of rows) {
      const deps = m.dependsOn.length > 0 ? ` (depends on ${m.dependsOn.join(', ')})` : ''
      stdout(`${m.enabled ? 'enabled ' : 'disabled'}  ${m.name}${m.version ? '@' + m.version : ''}${deps}`)
    }
    return 0
  }
}
