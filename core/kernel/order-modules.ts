// Orders modules so that dependencies come first; a missing dependency or a cycle is a boot error
// naming the modules involved. Ties keep the configured order.
export class ModuleGraphError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'ModuleGraphError'
  }
}

export interface ModuleNode { name: string, dependsOn?: readonly string[] }

export function orderModules<M extends ModuleNode> (modules: readonly M[]): M[] {
  const byName = new Map<string, M>()
  for (const module of modules) {
    if (byName.has(module.name)) throw new ModuleGraphError(`Module "${module.name}" is enabled twice`)
    byName.set(module.name, module)
  }
  for (const module of modules) {
    const missing = (module.dependsOn ?? []).filter(dep => !byName.has(dep))
    if (missing.length > 0) throw new ModuleGraphError(`Module "${module.name}" depends on ${missing.map(m => `"${m}"`).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not enabled`)
  }
  const ordered: M[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (module: M, path: string[]) => {
    const seen = state.get(module.name)
    if (seen === 'done') return
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(module.name)), module.name]
      throw new ModuleGraphError(`Module dependency cycle: ${cycle.join(' → ')}`)
    }
    state.set(module.name, 'visiting')
    for (const dep of module.dependsOn ?? []) visit(byName.get(dep) as M, [...path, module.name])
    state.set(module.name, 'done')
    ordered.push(module)
  }
  for (const module of modules) visit(module, [])
  return ordered
}
