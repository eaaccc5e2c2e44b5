// Drupal JSON:API filter grammar → condition tree: the short form filter[path]=v, the
// filter[path][value|operator] form, filter[key][condition][path|operator|value|memberOf] and
// filter[key][group][conjunction|memberOf] groups (implicit AND root "@root").
import { CmsError } from '../../errors/cms-error.js'
import type { Operator } from '../field-type-types.js'
import type { ConditionNode } from './query-types.js'

const OPERATORS = new Set<string>(['=', '<>', '>', '>=', '<', '<=', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH', 'IN', 'NOT IN', 'BETWEEN', 'NOT BETWEEN', 'IS NULL', 'IS NOT NULL'])
const MAX_ENTRIES = 50
const ROOT = '@root'

type Group = Extract<ConditionNode, { kind: 'group' }>

function invalid (parameter: string, detail: string): CmsError {
  return new CmsError('INVALID_QUERY', detail, { source: { parameter } })
}

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function scalarOrList (value: unknown, parameter: string): unknown {
  if (value === undefined || typeof value === 'string') return value
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) return value
  throw invalid(parameter, 'A filter value must be a string or a list of strings')
}

function condition (key: string, path: unknown, operator: unknown, value: unknown, parameter: string): ConditionNode {
  if (typeof path !== 'string' || !/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(path)) throw invalid(parameter, `Invalid filter path in ${key}`)
  const op = operator === undefined ? '=' : operator
  if (typeof op !== 'string' || !OPERATORS.has(op)) throw invalid(`${parameter}[operator]`, `Unknown operator "${String(op)}"`)
  const node: ConditionNode = { kind: 'condition', path, operator: op as Operator, parameter }
  const v = scalarOrList(value, `${parameter}[value]`)
  if (op === 'IS NULL' || op === 'IS NOT NULL') {
    // As in Drupal: a value beside IS NULL is a client mistake, not something to ignore.
    if (v !== undefined) throw invalid(`${parameter}[value]`, `Filters using the ${op} operator take no value`)
    return node
  }
  if (v === undefined) throw invalid(parameter, `Filter ${key} needs a value`)
  node.value = v
  return node
}

function groupName (value: unknown, parameter: string): string {
  if (typeof value !== 'string' || value === '') throw invalid(parameter, 'memberOf must name a group')
  return value
}

/** Returns undefined when no filter was given. */
export function parseFilter (raw: unknown): ConditionNode | undefined {
  if (raw === undefined) return undefined
  if (!isObject(raw)) throw invalid('filter', 'filter must be filter[...]=...')
  const entries = Object.entries(raw)
  if (entries.length > MAX_ENTRIES) throw invalid('filter', `At most ${MAX_ENTRIES} filter entries`)
  const groups = new Map<string, Group>([[ROOT, { kind: 'group', conjunction: 'AND', children: [], parameter: 'filter' }]])
  const memberOf = new Map<string, string>()
  const nodes: Array<[string, ConditionNode]> = []
  for (const [key, entry] of entries) {
    const parameter = `filter[${key}]`
    if (key === ROOT) throw invalid(parameter, '@root is reserved')
    if (typeof entry === 'string') {
      nodes.push([key, condition(key, key, '=', entry, parameter)])
    } else if (isObject(entry) && isObject(entry.group)) {
      const { conjunction, memberOf: parent, ...rest } = entry.group
      if (Object.keys(rest).length > 0 || (conjunction !== 'AND' && conjunction !== 'OR')) throw invalid(`${parameter}[group]`, 'A group needs conjunction AND or OR (and optionally memberOf)')
      groups.set(key, { kind: 'group', conjunction, children: [], parameter })
      if (parent !== undefined) memberOf.set(key, groupName(parent, `${parameter}[group][memberOf]`))
    } else if (isObject(entry) && isObject(entry.condition)) {
      const { path, operator, value, memberOf: parent, ...rest } = entry.condition
      if (Object.keys(rest).length > 0) throw invalid(`${parameter}[condition]`, `Unknown condition member ${Object.keys(rest).join(', ')}`)
      nodes.push([key, condition(key, path, operator, value, `${parameter}[condition]`)])
      if (parent !== undefined) memberOf.set(key, groupName(parent, `${parameter}[condition][memberOf]`))
    } else if (isObject(entry) && ('value' in entry || 'operator' in entry)) {
      // The value form: the path defaults to the key (Drupal's expandItem); memberOf is honoured
      // here too, where Drupal would silently put the condition in the root group.
      const { value, operator, path = key, memberOf: parent, ...rest } = entry
      if (Object.keys(rest).length > 0) throw invalid(parameter, `Unknown filter member ${Object.keys(rest).join(', ')}`)
      nodes.push([key, condition(key, path, operator, value, parameter)])
      if (parent !== undefined) memberOf.set(key, groupName(parent, `${parameter}[memberOf]`))
    } else {
      throw invalid(parameter, `Cannot read filter ${key}`)
    }
  }
  for (const [key, group] of groups) if (key !== ROOT) nodes.push([key, group])
  for (const [key, node] of nodes) {
    const parent = groups.get(memberOf.get(key) ?? ROOT)
    if (!parent) throw invalid(`filter[${key}]`, `memberOf names no group "${memberOf.get(key) ?? ''}"`)
    parent.children.push(node)
  }
  // Every group must hang off the root: a memberOf cycle would leave it unreachable.
  const reachable = new Set<ConditionNode>()
  const walk = (node: ConditionNode) => { reachable.add(node); if (node.kind === 'group') node.children.forEach(walk) }
  walk(groups.get(ROOT) as Group)
  for (const [key, group] of groups) if (!reachable.has(group)) throw invalid(`filter[${key}]`, 'Groups form a memberOf cycle')
  return groups.get(ROOT)
}
