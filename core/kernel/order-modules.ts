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

/** Every module's dependencies, direct and indirect; core is a dependency of every module. */
export function transitiveDependencies (modules: readonly ModuleNode[]): Map<string, Set<string>> {
  const direct = new Map(modules.map(m => [m.name, m.dependsOn ?? []]))
  const result = new Map<string, Set<string>>()
  const collect = (name: string): Set<string> => {
    const known = result.get(name)
    if (known) return known
    const all = new Set<string>(['core'])
    result.set(name, all)
    for (const dep of direct.get(name) ?? []) {
      all.add(dep)
      for (const indirect of collect(dep)) all.add(indirect)
    }
    return all
  }
  for (const module of modules) collect(module.name)
  return result
}
