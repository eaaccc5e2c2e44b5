// Plain string types: `string` (short, VARCHAR, sortable) and `text` (long, not sortable).
import type { FieldTypeDefinition } from '../field-type-types.js'
import { ALL_OPERATORS, TEXT_OPERATORS, intSetting, settingsSchema } from './shared.js'

export const STRING_DEFAULT_LENGTH = 255
export const STRING_MAX_LENGTH = 1024
export const TEXT_DEFAULT_LENGTH = 1_000_000
export const TEXT_MAX_LENGTH = 4_000_000

/** Strings pass through both ways; the driver may hand back a Buffer for binary collations. */
export function stringFromDb (value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('utf8')
  return value
}

export const stringType: FieldTypeDefinition = {
  name: 'string',
  settings: settingsSchema({
    maxLength: { type: 'integer', minimum: 1, maximum: STRING_MAX_LENGTH, default: STRING_DEFAULT_LENGTH }
  }),
  column: field => ({ kind: 'string', length: intSetting(field, 'maxLength', STRING_DEFAULT_LENGTH) }),
  schema: field => ({ type: 'string', maxLength: intSetting(field, 'maxLength', STRING_DEFAULT_LENGTH) }),
  toDb: value => value,
  fromDb: stringFromDb,
  operators: ALL_OPERATORS,
  sortable: true
}

export const textType: FieldTypeDefinition = {
  name: 'text',
  settings: settingsSchema({
    maxLength: { type: 'integer', minimum: 1, maximum: TEXT_MAX_LENGTH, default: TEXT_DEFAULT_LENGTH }
  }),
  column: () => ({ kind: 'text' }),
  schema: field => ({ type: 'string', maxLength: intSetting(field, 'maxLength', TEXT_DEFAULT_LENGTH) }),
  toDb: value => value,
  fromDb: stringFromDb,
  operators: TEXT_OPERATORS,
  sortable: false
}
