// The compiled form of a content type: precomputed once per definition (columns, side tables,
// validators), read by every request without further schema work.
import { createHash } from 'node:crypto'
import type { ContentTypeDefinition, FieldDefinition } from './definition-types.js'
import type { FieldTypeDefinition } from './field-type-types.js'

export interface CompiledField {
  name: string
  definition: FieldDefinition
  fieldType: FieldTypeDefinition
  relationship: boolean
  multiple: boolean
  /** Numeric cardinality cap; undefined for 'one' and 'many'. */
  maxItems: number | undefined
  required: boolean
  unique: boolean
  indexed: boolean
  /** Column on the item and revision tables (single-valued fields). */
  column: string | undefined
  /** Companion column holding the target type of a single reference with several targets. */
  typeColumn: string | undefined
  /** Side table for multi-valued fields. */
  sideTable: string | undefined
  /** Allowed target types for relationships. */
  targets: readonly string[]
  /** The module that added the field to another module's type, if any. */
  addedBy: string | undefined
}

export interface CompiledType {
  id: string
  definition: ContentTypeDefinition
  /** Module that declared the type; undefined for types created at runtime. */
  module: string | undefined
  table: string
  revisionTable: string
  revisions: boolean
  pageSize: number
  titleField: string | undefined
  fields: ReadonlyMap<string, CompiledField>
  attributes: readonly CompiledField[]
  relationships: readonly CompiledField[]
}

/** Base columns of every item table (and, for the snapshot ones, of its revision table). */
export const BASE_FIELDS = ['id', 'uid', 'created', 'changed', 'status', 'moderation_state'] as const

/** Names fields may not take: base fields and JSON:API members. */
export const RESERVED_FIELD_NAMES = new Set([
  ...BASE_FIELDS, 'type', 'rev', 'latest_rev', 'version', 'revision', 'revision_id', 'links', 'relationships',
  'attributes', 'meta', 'included', 'data', 'jsonapi', 'langcode', 'multi'
])

/** MySQL identifiers stop at 64 characters: long names keep a readable prefix and a hash. */
export function identifier (name: string): string {
  if (name.length <= 64) return name
  return `${name.slice(0, 55)}_${createHash('sha1').update(name).digest('hex').slice(0, 8)}`
}

export function itemTable (typeId: string): string {
  return identifier(`ct_${typeId}`)
}

export function revisionTable (typeId: string): string {
  return identifier(`ct_${typeId}__rev`)
}

export function sideTable (typeId: string, field: string): string {
  return identifier(`ct_${typeId}__${field}`)
}

export function indexName (table: string, column: string, kind: 'idx' | 'uniq'): string {
  return identifier(`${table}_${column}_${kind}`)
}
