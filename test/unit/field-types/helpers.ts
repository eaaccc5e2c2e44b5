// Test helpers for the field type unit tests: a field definition and ajv validators of a
// type's value schema and settings schema, compiled the way the content-type compiler does.
import { Ajv } from 'ajv'
import type { FieldTypeDefinition } from '../../../core/content/field-type-types.js'
import type { FieldDefinition } from '../../../core/content/definition-types.js'

const ajv = new Ajv({ allErrors: true, coerceTypes: false, strict: false })

export function field (type: FieldTypeDefinition, settings: Record<string, unknown> = {}): FieldDefinition {
  return { name: 'f', type: type.name, ...settings }
}

/** A predicate: does one value pass the type's schema for this field? */
export function valueSchema (type: FieldTypeDefinition, settings: Record<string, unknown> = {}): (value: unknown) => boolean {
  const validate = ajv.compile(type.schema(field(type, settings)))
  return value => validate(value)
}

/** A predicate: do these type-specific settings pass the type's settings schema? */
export function settingsSchema (type: FieldTypeDefinition): (settings: Record<string, unknown>) => boolean {
  const validate = ajv.compile(type.settings ?? {})
  return settings => validate(settings)
}

/** Schema and check together: what the caller accepts for one value. */
export function accepts (type: FieldTypeDefinition, settings: Record<string, unknown> = {}): (value: unknown) => boolean {
  const schema = valueSchema(type, settings)
  const definition = field(type, settings)
  return value => schema(value) && type.check?.(value, definition) === undefined
}

/** API value → database (given dialect) → API value. */
export function roundTrip (type: FieldTypeDefinition, value: unknown, dialect: 'sqlite' | 'mysql',
  settings: Record<string, unknown> = {}): unknown {
  const definition = field(type, settings)
  const normalized = type.normalize ? type.normalize(value, definition) : value
  return type.fromDb(type.toDb(normalized, definition, dialect), definition)
}
