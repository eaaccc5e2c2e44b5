// Binary numbers: `integer` (32-bit signed) and `float` (IEEE double).
import type { FieldTypeDefinition } from '../field-type-types.js'
import type { FieldDefinition } from '../definition-types.js'
import { ORDERED_OPERATORS, numberSetting, settingsSchema } from './shared.js'

export const INT32_MIN = -2147483648
export const INT32_MAX = 2147483647

/** Drivers answer numbers, but BIGINT/DECIMAL-ish columns may come back as strings or bigints. */
function numberFromDb (value: unknown): unknown {
  if (typeof value === 'string' && value.trim() !== '') return Number(value)
  if (typeof value === 'bigint') return Number(value)
  return value
}

function bounds (field: FieldDefinition, floor?: number, ceiling?: number): Record<string, number> {
  const min = numberSetting(field, 'min')
  const max = numberSetting(field, 'max')
  const result: Record<string, number> = {}
  const minimum = floor === undefined ? min : Math.max(floor, min ?? floor)
  const maximum = ceiling === undefined ? max : Math.min(ceiling, max ?? ceiling)
  if (minimum !== undefined) result.minimum = minimum
  if (maximum !== undefined) result.maximum = maximum
  return result
}

export const integerType: FieldTypeDefinition = {
  name: 'integer',
  settings: settingsSchema({
    min: { type: 'integer', minimum: INT32_MIN, maximum: INT32_MAX },
    max: { type: 'integer', minimum: INT32_MIN, maximum: INT32_MAX }
  }),
  column: () => ({ kind: 'integer' }),
  schema: field => ({ type: 'integer', ...bounds(field, INT32_MIN, INT32_MAX) }),
  toDb: value => value,
  fromDb: numberFromDb,
  operators: ORDERED_OPERATORS,
  sortable: true
}

export const floatType: FieldTypeDefinition = {
  name: 'float',
  settings: settingsSchema({
    min: { type: 'number' },
    max: { type: 'number' }
  }),
  column: () => ({ kind: 'float' }),
  schema: field => ({ type: 'number', ...bounds(field) }),
  // JSON cannot carry NaN or Infinity, but module code calling the operations can.
  check: value => typeof value === 'number' && !Number.isFinite(value) ? 'must be a finite number' : undefined,
  toDb: value => value,
  fromDb: numberFromDb,
  operators: ORDERED_OPERATORS,
  sortable: true
}
