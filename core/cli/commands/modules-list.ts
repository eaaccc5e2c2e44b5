// cms modules:list: enabled modules in dependency order, then the available but disabled ones.
import { localModuleNames } from '../../kernel/load-modules.js'
import type { CliCommand } from '../../kernel/module-types.js'

export const modulesListCommand: CliCommand = {
  name: 'modules:list',
  description: 'List modules: enabled ones in dependency order, then disabled ones',
  options: { json: { type: 'boolean' } },
  needs: 'kernel',
  async run ({ kernel, stdout, values, rootDir }) {
    if (!kernel) return 1
    const enabled = kernel.modules.map(m => ({
      name: m.definition.name, version: m.definition.version, enabled: true, dependsOn: m.definition.dependsOn ?? [], source: m.source
    }))
    const disabled = localModuleNames(rootDir)
      .filter(name => !enabled.some(m => m.name === name))
      .map(name => ({ name, version: '', enabled: false, dependsOn: [] as string[], source: `modules/${name}` }))
    const rows = [...enabled, ...disabled]
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
