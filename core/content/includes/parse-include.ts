// include=author,tags,author.x → a tree of relationship names, checked against the types the
// path can reach: unknown relationships 400, fields the caller may not view 403, paths deeper
// than contentApi.maxIncludeDepth 400 — before any SQL runs.
import { hasPermission, type Actor } from '../../access/actor.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { USER_TYPE } from './users.js'

export interface IncludeNode { children: Map<string, IncludeNode> }

const PARAMETER = 'include'
const MAX_PATHS = 20
const SEGMENT = /^[a-z][a-z0-9_]{0,31}$/

function invalid (detail: string): CmsError {
  return new CmsError('INVALID_QUERY', detail, { source: { parameter: PARAMETER } })
}

/** The types a relationship named `name` leads to from any of `from`; empty when none has it. */
function step (kernel: Kernel, actor: Actor, from: ReadonlySet<string>, name: string, path: string): Set<string> {
  const next = new Set<string>()
  for (const typeId of from) {
    if (typeId === USER_TYPE) continue
    const type = kernel.contentTypes.get(typeId)
    if (!type) continue
    if (name === 'uid') {
      next.add(USER_TYPE)
      continue
    }
    const field = type.fields.get(name)
    if (!field?.relationship) continue
    const permission = field.definition.viewPermission
    if (permission && !hasPermission(actor, permission)) {
      throw new CmsError('FORBIDDEN', `You may not include "${path}"`, { source: { parameter: PARAMETER } })
    }
    for (const target of field.targets) if (target === USER_TYPE || kernel.contentTypes.get(target)) next.add(target)
  }
  return next
}

/** Returns undefined when nothing is to be included. */
/** rootTypes: what the primary data can be (several for a polymorphic related endpoint). */
export function parseInclude (raw: unknown, kernel: Kernel, actor: Actor, rootTypes: readonly string[]): IncludeNode | undefined {
  if (raw === undefined || raw === '') return undefined
  if (typeof raw !== 'string') throw invalid('include must be a comma-separated list of relationship paths')
  const paths = [...new Set(raw.split(','))]
  if (paths.length > MAX_PATHS) throw invalid(`At most ${MAX_PATHS} include paths`)
  const maxDepth = kernel.config.contentApi.maxIncludeDepth
  const root: IncludeNode = { children: new Map() }
  for (const path of paths) {
    const segments = path.split('.')
    if (segments.some(s => !SEGMENT.test(s))) throw invalid(`"${path}" is not a relationship path`)
    if (segments.length > maxDepth) throw invalid(`"${path}" is ${segments.length} relationships deep; the limit is ${maxDepth}`)
    let node = root
    let types = new Set(rootTypes)
    for (const segment of segments) {
      types = step(kernel, actor, types, segment, path)
      if (types.size === 0) throw invalid(`"${path}" is not a relationship path of ${rootTypes.join('/')} ("${segment}" is not a relationship that can be included)`)
      let child = node.children.get(segment)
      if (!child) node.children.set(segment, child = { children: new Map() })
      node = child
    }
  }
  return root
}
