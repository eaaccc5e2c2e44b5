// JSON Schema of a workflow definition (what /admin/api/workflows takes and modules declare).
const machineName = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,31}$' }
const label = { type: 'string', minLength: 1, maxLength: 128 }

export const workflowSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'initialState', 'states', 'transitions'],
  properties: {
    id: machineName,
    label,
    initialState: machineName,
    states: {
      type: 'object',
      minProperties: 1,
      maxProperties: 50,
      propertyNames: machineName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['label', 'published', 'defaultRevision'],
        properties: { label, published: { type: 'boolean' }, defaultRevision: { type: 'boolean' } }
      }
    },
    transitions: {
      type: 'object',
      maxProperties: 100,
      propertyNames: machineName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['label', 'from', 'to'],
        properties: { label, from: { type: 'array', minItems: 1, uniqueItems: true, items: machineName }, to: machineName }
      }
    }
  }
} as const
