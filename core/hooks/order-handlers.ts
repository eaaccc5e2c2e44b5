// Resolves the order of one hook's handlers: position, then module dependency order, then
// registration order, with before/after constraints applied as a stable topological sort. A
// module's handlers also stay after those of the modules it depends on (unless a position or an
// explicit constraint says otherwise), whatever other modules declare.
export interface OrderableHandler {
  module: string
  seq: number
  position?: 'first' | 'last'
  before: readonly string[]
  after: readonly string[]
}

export class HookOrderError extends Error {}

/** dependsOn: module → every module it depends on, directly or not. */
export function orderHandlers<H extends OrderableHandler> (
  handlers: readonly H[], moduleRank: ReadonlyMap<string, number>, hook: string, dependsOn: ReadonlyMap<string, ReadonlySet<string>> = new Map()
): H[] {
  const rankOf = (h: H) => [h.position === 'first' ? 0 : h.position === 'last' ? 2 : 1, moduleRank.get(h.module) ?? Number.MAX_SAFE_INTEGER, h.seq]
  const compare = (a: H, b: H) => {
    const ra = rankOf(a)
    const rb = rankOf(b)
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number)
    return 0
  }
  const sorted = [...handlers].sort(compare)
  // Edges a → b mean "a runs before b".
  const incoming = new Map<H, Set<H>>(sorted.map(h => [h, new Set<H>()]))
  for (const a of sorted) {
    for (const b of sorted) {
      if (a === b || a.module === b.module) continue
      const explicit = a.before.includes(b.module) || b.after.includes(a.module)
      const reversed = b.before.includes(a.module) || a.after.includes(b.module)
      const implied = dependsOn.get(b.module)?.has(a.module) === true && !reversed && b.position !== 'first' && a.position !== 'last'
      if (explicit || implied) incoming.get(b)?.add(a)
    }
  }
  const result: H[] = []
  const remaining = [...sorted]
  while (remaining.length > 0) {
    const index = remaining.findIndex(h => [...(incoming.get(h) ?? [])].every(dep => result.includes(dep)))
    if (index === -1) {
      const modules = [...new Set(remaining.map(h => h.module))].join(', ')
      throw new HookOrderError(`Hook ${hook}: before/after constraints form a cycle between modules ${modules}`)
    }
    result.push(...remaining.splice(index, 1))
  }
  return result
}
