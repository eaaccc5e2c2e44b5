// A list request, independent of its query-string grammar: a condition tree, sort keys, a page.
import type { Operator } from '../field-type-types.js'

export type ConditionNode =
  | { kind: 'condition', path: string, operator: Operator, value?: unknown, parameter: string }
  | { kind: 'group', conjunction: 'AND' | 'OR', children: ConditionNode[], parameter: string }

export interface SortKey { path: string, direction: 'asc' | 'desc', parameter: string }

export type PageRequest =
  | { kind: 'offset', offset: number, limit: number }
  | { kind: 'cursor', cursor: string | null, limit: number }

export interface ListQuery {
  filter?: ConditionNode
  sort: SortKey[]
  page: PageRequest
  /** Opt-in total count (one more statement). */
  total: boolean
}
