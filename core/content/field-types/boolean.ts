// The `boolean` type: stored as 1/0 on both dialects.
import type { FieldTypeDefinition } from '../field-type-types.js'
import { NO_SETTINGS } from './shared.js'

export const booleanType: FieldTypeDefinition = {
  name: 'boolean',
  settings: NO_SETTINGS,
  column: () => ({ kind: 'boolean' }),
  schema: () => ({ type: 'boolean' }),
  toDb: value => typeof value === 'boolean' ? (value ? 1 : 0) : value,
  fromDb (value) {
    if (value === null || value === undefined) return null
    if (value === true || value === 1 || value === '1' || value === 1n) return true
    if (value === false || value === 0 || value === '0' || value === 0n) return false
    // Anything else is not something this type wrote: refuse rather than guess.
    throw new TypeError(`Not a stored boolean: ${String(value)}`)
  },
  operators: ['=', '<>', 'IS NULL', 'IS NOT NULL'],
  sortable: true
}
