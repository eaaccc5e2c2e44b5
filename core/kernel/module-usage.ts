// Why a module cannot be disabled right now: enabled dependents, or content of its types.
import type { Kernel } from './kernel.js'

export async function moduleUsage (kernel: Kernel, name: string): Promise<string | undefined> {
  const dependents = kernel.modules.filter(m => (m.definition.dependsOn ?? []).includes(name)).map(m => m.definition.name)
  if (dependents.length > 0) return `${dependents.join(', ')} depend${dependents.length > 1 ? '' : 's'} on it`
  for (const { key, module } of kernel.registries.contentTypes.list()) {
    if (module !== name) continue
    const counter = kernel.contentCounter
    if (counter && await counter(key) > 0) return `content of its type "${key}" exists`
  }
  return undefined
}
