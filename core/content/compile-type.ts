// Validates a content type definition against the field type registry and compiles it:
// machine names, reserved names, per-type settings, defaults, cardinality, storage names.
import type { ErrorObject, ValidateFunction } from 'ajv'
import { validationError } from '../errors/cms-error.js'
import { bodyAjv as ajv, describe, pointerOf } from '../http/body-validator.js'
import {
  RESERVED_FIELD_NAMES, itemTable, revisionTable, sideTable, type CompiledField, type CompiledType
} from './compiled-type.js'
import { MACHINE_NAME, type ContentTypeDefinition, type FieldDefinition } from './definition-types.js'
import type { FieldTypeDefinition } from './field-type-types.js'
import { definitionSchema, GENERIC_FIELD_KEYS } from './definition-schema.js'

// The request bodies' ajv (same options, formats): one instance compiles the meta-schema it
// checks schemas against once per process, not once per instance (~30 ms of every start).
// The definition schema compiles on first use: importing this file costs nothing.
let documentValidator: ValidateFunction | undefined
const settingsValidators = new WeakMap<FieldTypeDefinition, ValidateFunction>()

type Violation = { pointer: string, detail: string }

/** One error per problem: an `if` error only repeats the violation of its branch. */
function violationsOf (errors: ErrorObject[] | null | undefined): ErrorObject[] {
  return (errors ?? []).filter(e => e.keyword !== 'if')
}

function settingsOf (field: FieldDefinition): Record<string, unknown> {
  return Object.fromEntries(Object.entries(field).filter(([key]) => !GENERIC_FIELD_KEYS.has(key)))
}

function checkSettings (fieldType: FieldTypeDefinition, field: FieldDefinition, base: string, out: Violation[]): void {
  let validate = settingsValidators.get(fieldType)
  if (!validate) {
    validate = ajv.compile({ type: 'object', additionalProperties: false, properties: {}, ...fieldType.settings })
    settingsValidators.set(fieldType, validate)
  }
  if (!validate(settingsOf(field))) {
    for (const e of violationsOf(validate.errors)) out.push({ pointer: pointerOf(e, base), detail: describe(e) })
  }
}

function checkDefault (fieldType: FieldTypeDefinition, field: FieldDefinition, multiple: boolean, base: string, out: Violation[]): void {
  if (field.default === undefined || field.default === null) return
  const one = fieldType.schema(field)
  const validate = ajv.compile(multiple ? { type: 'array', items: one } : one)
  const values = multiple && Array.isArray(field.default) ? field.default : [field.default]
  const problem = validate(field.default) ? values.map(v => fieldType.check?.(v, field)).find(Boolean) : 'does not match the field type'
  if (problem) out.push({ pointer: `${base}/default`, detail: `default ${problem}` })
}

function compileField (typeId: string, field: FieldDefinition, fieldType: FieldTypeDefinition, addedBy: string | undefined): CompiledField {
  const cardinality = field.cardinality ?? 'one'
  const multiple = cardinality !== 'one' && cardinality !== 1
  const relationship = fieldType.relationship === true
  const targets = relationship ? (fieldType.name === 'media' ? ['file'] : (field.target as string[] | undefined) ?? []) : []
  return {
    name: field.name,
    definition: field,
    fieldType,
    relationship,
    multiple,
    maxItems: typeof cardinality === 'number' ? cardinality : undefined,
    required: field.required === true,
    unique: !multiple && (field.unique === true || fieldType.name === 'slug'),
    indexed: field.indexed === true,
    column: multiple ? undefined : field.name,
    typeColumn: !multiple && targets.length > 1 ? `${field.name}__type` : undefined,
    sideTable: multiple ? sideTable(typeId, field.name) : undefined,
    targets,
    addedBy
  }
}

export interface CompileInput {
  definition: ContentTypeDefinition
  module: string | undefined
  /** Fields other modules added, with the module that added each. */
  extensions?: ReadonlyArray<{ module: string, fields: readonly FieldDefinition[] }>
  fieldTypes: (name: string) => FieldTypeDefinition | undefined
  defaultPageSize: number
}

/** Throws a 422 CmsError listing every problem, with pointers into the definition document. */
export function compileType (input: CompileInput): CompiledType {
  const { definition } = input
  const validateDocument = documentValidator ??= ajv.compile(definitionSchema)
  if (!validateDocument(definition)) {
    throw validationError(violationsOf(validateDocument.errors).map(e => ({ pointer: pointerOf(e), detail: describe(e) })))
  }
  const violations: Violation[] = []
  if (definition.id.includes('__') || definition.id.endsWith('_')) violations.push({ pointer: '/id', detail: 'must not contain "__" or end with "_"' })
  // Relationships name users and files by these resource types: a content type cannot take them.
  if (definition.id === 'user' || definition.id === 'file') violations.push({ pointer: '/id', detail: `"${definition.id}" is a reserved resource type` })
  const all = [
    ...definition.fields.map(f => ({ field: f, addedBy: undefined as string | undefined })),
    ...(input.extensions ?? []).flatMap(e => e.fields.map(f => ({ field: f, addedBy: e.module as string | undefined })))
  ]
  const fields = new Map<string, CompiledField>()
  all.forEach(({ field, addedBy }, index) => {
    const base = `/fields/${index}`
    if (!MACHINE_NAME.test(field.name) || field.name.includes('__') || field.name.endsWith('_')) {
      violations.push({ pointer: `${base}/name`, detail: 'must match ^[a-z][a-z0-9_]{0,31}$, without "__" or a trailing "_"' })
    }
    // Object.prototype members ("constructor"): validators and readers would see the inherited
    // value on every document that omits the field.
    if (RESERVED_FIELD_NAMES.has(field.name) || field.name in Object.prototype) violations.push({ pointer: `${base}/name`, detail: `"${field.name}" is reserved` })
    if (fields.has(field.name)) violations.push({ pointer: `${base}/name`, detail: `duplicate field "${field.name}"` })
    const fieldType = input.fieldTypes(field.type)
    if (!fieldType) {
      violations.push({ pointer: `${base}/type`, detail: `unknown field type "${field.type}"` })
      return
    }
    checkSettings(fieldType, field, base, violations)
    const compiled = compileField(definition.id, field, fieldType, addedBy)
    if (field.unique === true && compiled.multiple) violations.push({ pointer: `${base}/unique`, detail: 'only single-valued fields can be unique' })
    checkDefault(fieldType, field, compiled.multiple, base, violations)
    fields.set(field.name, compiled)
  })
  const titleField = definition.titleField ?? [...fields.values()].find(f => f.fieldType.name === 'string')?.name
  if (definition.titleField && !fields.has(definition.titleField)) violations.push({ pointer: '/titleField', detail: `no field "${definition.titleField}"` })
  if (violations.length > 0) throw validationError(violations)
  const list = [...fields.values()]
  return {
    id: definition.id,
    definition,
    module: input.module,
    table: itemTable(definition.id),
    revisionTable: revisionTable(definition.id),
    revisions: definition.revisions !== false,
    pageSize: definition.pageSize ?? input.defaultPageSize,
    titleField,
    fields,
    attributes: list.filter(f => !f.relationship),
    relationships: list.filter(f => f.relationship)
  }
}
