// Compiles, once per content type, the ajv validators for a document's attributes (create and
// update variants) and relationships. No coercion; unknown members are violations.
import type { ValidateFunction } from 'ajv'
import { bodyAjv } from '../../http/body-validator.js'
import type { CompiledField, CompiledType } from '../compiled-type.js'
import { DATETIME_PATTERN } from '../field-types/datetime.js'

export interface TypeValidators {
  createAttributes: ValidateFunction
  updateAttributes: ValidateFunction
  relationships: ValidateFunction
}

const cache = new WeakMap<CompiledType, TypeValidators>()

/**
 * A value or null. Not `anyOf`: a bad value would fail both branches and be reported three
 * times (its own violation, "must be null", "must match a schema in anyOf"); validate-input
 * drops the one `if` error that accompanies the real violation.
 */
function nullable (one: Record<string, unknown>): Record<string, unknown> {
  return { if: { type: 'null' }, else: one }
}

function valueSchema (field: CompiledField): Record<string, unknown> {
  const one = field.fieldType.schema(field.definition)
  if (field.multiple) {
    const list: Record<string, unknown> = { type: 'array', items: one }
    if (field.maxItems !== undefined) list.maxItems = field.maxItems
    if (field.required) list.minItems = 1
    return list
  }
  // Required fields are never null; they may be omitted on update (partial) or when they have a default.
  if (field.required) return one
  return nullable(one)
}

function attributesSchema (type: CompiledType, forUpdate: boolean): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    status: { type: 'boolean' },
    created: { type: 'string', pattern: DATETIME_PATTERN }
  }
  if (type.definition.workflow) properties.moderation_state = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,31}$' }
  for (const field of type.attributes) properties[field.name] = valueSchema(field)
  const required = forUpdate ? [] : type.attributes.filter(f => f.required && f.definition.default === undefined).map(f => f.name)
  return { type: 'object', additionalProperties: false, properties, required }
}

function relationshipsSchema (type: CompiledType): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    uid: { type: 'object', required: ['data'], properties: { data: nullable({ type: 'object', required: ['type', 'id'], additionalProperties: false, properties: { type: { const: 'user' }, id: { type: 'string', format: 'uuid' } } }) } }
  }
  for (const field of type.relationships) {
    const one = field.fieldType.schema(field.definition)
    const data = field.multiple
      ? { type: 'array', items: one, ...(field.maxItems !== undefined ? { maxItems: field.maxItems } : {}) }
      : nullable(one)
    properties[field.name] = { type: 'object', required: ['data'], additionalProperties: false, properties: { data, meta: { type: 'object' }, links: { type: 'object' } } }
  }
  return { type: 'object', additionalProperties: false, properties }
}

export function typeValidators (type: CompiledType): TypeValidators {
  let validators = cache.get(type)
  if (!validators) {
    validators = {
      createAttributes: bodyAjv.compile(attributesSchema(type, false)),
      updateAttributes: bodyAjv.compile(attributesSchema(type, true)),
      relationships: bodyAjv.compile(relationshipsSchema(type))
    }
    cache.set(type, validators)
  }
  return validators
}
