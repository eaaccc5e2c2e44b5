// One JSON Schema per content type (its JSON:API resource object: attributes with JSON types and
// formats from the field types, relationships with their target types), plus the user resource.
import type { CompiledField, CompiledType } from '../../content/compiled-type.js'
import { USER_TYPE } from '../../content/includes/users.js'

type Schema = Record<string, unknown>

const identifier = (targets: readonly string[]): Schema => ({
  type: 'object',
  required: ['type', 'id'],
  properties: { type: { enum: [...targets] }, id: { type: 'string' } }
})

/** Formats for readers of the document (the validation schemas use patterns). */
const FORMATS: Record<string, string> = { datetime: 'date-time', date: 'date', email: 'email', url: 'uri', uuid: 'uuid' }

function attributeSchema (field: CompiledField): Schema {
  const one = { ...field.fieldType.schema(field.definition) }
  const format = FORMATS[field.fieldType.name] ?? FORMATS[field.fieldType.column(field.definition).kind]
  if (format && one.type === 'string' && one.format === undefined) one.format = format
  if (field.fieldType.name === 'richtext') one.contentMediaType = 'text/html'
  if (field.definition.label) one.title = field.definition.label
  if (field.multiple) return { type: 'array', items: one, ...(field.maxItems !== undefined ? { maxItems: field.maxItems } : {}) }
  return field.required ? one : { anyOf: [one, { type: 'null' }] }
}

function relationshipSchema (field: CompiledField | undefined, targets: readonly string[]): Schema {
  const data = field?.multiple ? { type: 'array', items: identifier(targets) } : { anyOf: [identifier(targets), { type: 'null' }] }
  return {
    type: 'object',
    properties: { data, links: { type: 'object', properties: { self: { type: 'string', format: 'uri' }, related: { type: 'string', format: 'uri' } } } }
  }
}

function resource (typeId: string, description: string, attributes: Schema, relationships: Schema): Schema {
  return {
    type: 'object',
    description,
    required: ['type', 'id', 'attributes', 'links'],
    properties: {
      type: { const: typeId },
      id: { type: 'string', format: 'uuid' },
      attributes: { type: 'object', additionalProperties: false, properties: attributes },
      relationships: { type: 'object', additionalProperties: false, properties: relationships },
      links: { type: 'object', properties: { self: { type: 'string', format: 'uri' } } },
      meta: { type: 'object' }
    }
  }
}

export function contentTypeSchema (type: CompiledType): Schema {
  const attributes: Schema = {
    created: { type: 'string', format: 'date-time' },
    changed: { type: 'string', format: 'date-time' },
    status: { type: 'boolean', description: 'Published' }
  }
  if (type.definition.workflow) attributes.moderation_state = { type: ['string', 'null'] }
  const relationships: Schema = { uid: relationshipSchema(undefined, [USER_TYPE]) }
  for (const field of type.attributes) attributes[field.name] = attributeSchema(field)
  for (const field of type.relationships) relationships[field.name] = relationshipSchema(field, field.targets)
  const description = `${type.definition.label}${type.definition.description ? ` — ${type.definition.description}` : ''}. Fields with a view permission appear only for callers holding it.`
  return resource(type.id, description, attributes, relationships)
}

export function userSchema (): Schema {
  return resource(USER_TYPE, 'A user, with public attributes only', { display_name: { type: 'string' } }, {})
}

/** components.schemas: one per content type, the user, and the shared JSON:API pieces. */
export function componentSchemas (types: readonly CompiledType[]): Record<string, Schema> {
  const schemas: Record<string, Schema> = {}
  for (const type of types) schemas[type.id] = contentTypeSchema(type)
  schemas[USER_TYPE] = userSchema()
  schemas.JsonApiErrors = {
    type: 'object',
    required: ['errors'],
    properties: {
      jsonapi: { type: 'object' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            status: { type: 'string' },
            code: { type: 'string' },
            title: { type: 'string' },
            detail: { type: 'string' },
            source: { type: 'object', properties: { pointer: { type: 'string' }, parameter: { type: 'string' }, header: { type: 'string' } } }
          }
        }
      }
    }
  }
  return schemas
}
