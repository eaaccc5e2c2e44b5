// JSON Schema of a content type definition document (type-specific field settings are checked
// separately against each field type's own settings schema).
export const GENERIC_FIELD_KEYS = new Set([
  'name', 'type', 'label', 'description', 'required', 'unique', 'indexed', 'default', 'cardinality', 'viewPermission', 'editPermission'
])

const machineName = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,31}$' }
const permission = { type: 'string', minLength: 1, maxLength: 128 }

export const definitionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'fields'],
  properties: {
    id: machineName,
    label: { type: 'string', minLength: 1, maxLength: 128 },
    description: { type: 'string', maxLength: 2000 },
    revisions: { type: 'boolean' },
    workflow: machineName,
    pathPattern: { type: 'string', minLength: 1, maxLength: 1024 },
    pageSize: { type: 'integer', minimum: 1, maximum: 1000 },
    titleField: machineName,
    fields: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['name', 'type'],
        properties: {
          name: { type: 'string' },
          type: { type: 'string', minLength: 1, maxLength: 64 },
          label: { type: 'string', maxLength: 128 },
          description: { type: 'string', maxLength: 2000 },
          required: { type: 'boolean' },
          unique: { type: 'boolean' },
          indexed: { type: 'boolean' },
          // if/then/else rather than oneOf: a bad value gets one error, not one per branch.
          cardinality: { if: { type: 'string' }, then: { enum: ['one', 'many'] }, else: { type: 'integer', minimum: 1, maximum: 1000 } },
          viewPermission: permission,
          editPermission: permission
        }
      }
    }
  }
} as const
