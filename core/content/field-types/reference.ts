// Relationship types: `reference` (to items of one or several content types) and `media` (to a file).
import type { FieldTypeDefinition } from '../field-type-types.js'
import type { FieldDefinition } from '../definition-types.js'
import { EQUALITY_OPERATORS, MACHINE_NAME_PATTERN, settingsSchema, stringListSetting } from './shared.js'
import { stringFromDb } from './string.js'

/** Canonical lowercase UUID, any version (item ids are generated lowercase). */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'

/** One JSON:API resource identifier whose type is one of `targets`. */
export function identifierSchema (targets: readonly string[]): Record<string, unknown> {
  return {
    type: 'object',
    required: ['type', 'id'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: [...targets] },
      id: { type: 'string', pattern: UUID_PATTERN },
      meta: { type: 'object' }
    }
  }
}

/** The id of a resource identifier (or an id already extracted by module code). */
function identifierToDb (value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'id' in value) return value.id
  return value
}

function relationshipType (name: string, targets: (field: FieldDefinition) => readonly string[],
  settings: Record<string, unknown>): FieldTypeDefinition {
  return {
    name,
    relationship: true,
    settings,
    column: () => ({ kind: 'uuid' }),
    schema: field => identifierSchema(targets(field)),
    toDb: identifierToDb,
    fromDb: stringFromDb,
    operators: EQUALITY_OPERATORS,
    sortable: false
  }
}

export const referenceType = relationshipType('reference', field => stringListSetting(field, 'target'), settingsSchema({
  target: {
    type: 'array',
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
    items: { type: 'string', pattern: MACHINE_NAME_PATTERN }
  }
}, ['target']))

export const MEDIA_TARGET: readonly string[] = Object.freeze(['file'])

export const mediaType = relationshipType('media', () => MEDIA_TARGET, settingsSchema({}))
