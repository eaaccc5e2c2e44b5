// What a field type declares: storage columns per dialect, JSON Schema for one value, conversion
// between the database and the API, the filter operators it supports and whether it sorts.
import type { Dialect } from '../db/connect.js'
import type { FieldDefinition } from './definition-types.js'

export type Operator = '=' | '<>' | '>' | '>=' | '<' | '<=' | 'STARTS_WITH' | 'CONTAINS' | 'ENDS_WITH'
  | 'IN' | 'NOT IN' | 'BETWEEN' | 'NOT BETWEEN' | 'IS NULL' | 'IS NOT NULL'

export type ColumnKind = 'string' | 'text' | 'longtext' | 'integer' | 'bigint' | 'decimal' | 'float' | 'boolean' | 'datetime' | 'date' | 'uuid' | 'json'

/** One storage column of one value; single-valued fields live on the item table. */
export interface ColumnSpec {
  kind: ColumnKind
  length?: number
  precision?: number
  scale?: number
}

export interface FieldTypeDefinition {
  name: string
  /** JSON Schema for the type-specific settings that sit beside `type` in a field definition. */
  settings?: Record<string, unknown>
  /** Relationship (reference, media) rather than attribute. */
  relationship?: boolean
  column (field: FieldDefinition): ColumnSpec
  /** JSON Schema of one value (null handling is added by the compiler). */
  schema (field: FieldDefinition): Record<string, unknown>
  /** Checks ajv cannot express (impossible dates, NUL bytes…); returns a message or undefined. */
  check? (value: unknown, field: FieldDefinition): string | undefined
  /** Normalises a valid API value before storage (sanitising HTML, trimming…). */
  normalize? (value: unknown, field: FieldDefinition): unknown
  toDb (value: unknown, field: FieldDefinition, dialect: Dialect): unknown
  fromDb (value: unknown, field: FieldDefinition): unknown
  operators: readonly Operator[]
  sortable: boolean
}
