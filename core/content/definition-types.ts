// The content type definition document: what modules declare, what /admin/api/content-types
// takes and returns, and what config/ holds.
export type Cardinality = 'one' | 'many' | number

export interface FieldDefinition {
  name: string
  type: string
  label?: string
  required?: boolean
  unique?: boolean
  indexed?: boolean
  default?: unknown
  cardinality?: Cardinality
  /** Permission needed to see the field (absent: everyone who may see the item). */
  viewPermission?: string
  /** Permission needed to write the field (absent: whoever may edit the item). */
  editPermission?: string
  /** Type-specific settings (maxLength, min, max, values, precision, scale, target, …). */
  [setting: string]: unknown
}

export interface ContentTypeDefinition {
  id: string
  label: string
  description?: string
  revisions?: boolean
  workflow?: string
  pathPattern?: string
  pageSize?: number
  /** Field used as the item's label (defaults to the first string field). */
  titleField?: string
  fields: FieldDefinition[]
}

export const MACHINE_NAME = /^[a-z][a-z0-9_]{0,31}$/
