// The types a list query reads through its relationship paths (filter[author.name], sort=tags.x):
// a write to any of them can change which items the list holds, so the list depends on them.
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../compiled-type.js'
import type { ConditionNode, ListQuery } from './query-types.js'

function paths (node: ConditionNode | undefined, out: string[]): string[] {
  if (!node) return out
  if (node.kind === 'condition') out.push(node.path)
  else for (const child of node.children) paths(child, out)
  return out
}

/** Type ids reached through relationships ('user' for uid.*); the queried type itself excluded. */
export function traversedTypes (kernel: Kernel, type: CompiledType, query: Pick<ListQuery, 'filter' | 'sort'>): Set<string> {
  const reached = new Set<string>()
  for (const path of [...paths(query.filter, []), ...query.sort.map(k => k.path)]) {
    let current: CompiledType | undefined = type
    for (const segment of path.split('.').slice(0, -1)) {
      if (!current) break
      if (segment === 'uid') {
        reached.add('user')
        break
      }
      const field = current.fields.get(segment)
      const target: CompiledType | undefined = field?.relationship ? field.targets.map(t => kernel.contentTypes.get(t)).find(t => t !== undefined) : undefined
      if (target && target.id !== type.id) reached.add(target.id)
      current = target
    }
  }
  return reached
}
