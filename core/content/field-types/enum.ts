// The `enum` type: one of a declared list of strings.
import type { FieldTypeDefinition } from '../field-type-types.js'
import { EQUALITY_OPERATORS, codePointLength, settingsSchema, stringListSetting } from './shared.js'
import { stringFromDb } from './string.js'

export const enumType: FieldTypeDefinition = {
  name: 'enum',
  settings: settingsSchema({
    values: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 64 }
    }
  }, ['values']),
  column: field => ({
    kind: 'string',
    length: Math.max(1, ...stringListSetting(field, 'values').map(codePointLength))
  }),
  // enum alone: the values are strings, and a second keyword would report one bad value twice.
  schema: field => ({ enum: stringListSetting(field, 'values') }),
  toDb: value => value,
  fromDb: stringFromDb,
  operators: EQUALITY_OPERATORS,
  sortable: true
}
