// Shared pieces of the core field types: operator sets and typed readers of field settings.
import type { Operator } from '../field-type-types.js'
import type { FieldDefinition } from '../definition-types.js'

export const ALL_OPERATORS: readonly Operator[] = Object.freeze([
  '=', '<>', '>', '>=', '<', '<=', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH',
  'IN', 'NOT IN', 'BETWEEN', 'NOT BETWEEN', 'IS NULL', 'IS NOT NULL'
] as const)

/** Comparable values: everything except the substring operators. */
export const ORDERED_OPERATORS: readonly Operator[] = Object.freeze(
  ALL_OPERATORS.filter(op => op !== 'STARTS_WITH' && op !== 'CONTAINS' && op !== 'ENDS_WITH')
)

export const TEXT_OPERATORS: readonly Operator[] = Object.freeze([
  '=', '<>', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH', 'IS NULL', 'IS NOT NULL'
] as const)

export const EQUALITY_OPERATORS: readonly Operator[] = Object.freeze([
  '=', '<>', 'IN', 'NOT IN', 'IS NULL', 'IS NOT NULL'
] as const)

export const NULL_OPERATORS: readonly Operator[] = Object.freeze(['IS NULL', 'IS NOT NULL'] as const)

export const MACHINE_NAME_PATTERN = '^[a-z][a-z0-9_]{0,31}$'

/** Settings schema of a type with no settings of its own. */
export const NO_SETTINGS: Record<string, unknown> = { type: 'object', properties: {}, additionalProperties: false }

/** Settings schema listing type-specific keys; unknown keys are refused (typos do not pass). */
export function settingsSchema (properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: 'object', properties, additionalProperties: false }
  if (required.length > 0) schema.required = required
  return schema
}

export function intSetting (field: FieldDefinition, key: string, fallback: number): number {
  const value = field[key]
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback
}

export function numberSetting (field: FieldDefinition, key: string): number | undefined {
  const value = field[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function stringListSetting (field: FieldDefinition, key: string): string[] {
  const value = field[key]
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/** Length in Unicode code points (what ajv's maxLength and VARCHAR(n) count), not UTF-16 units. */
export function codePointLength (value: string): number {
  return value.length - (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0)
}
