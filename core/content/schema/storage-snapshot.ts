// What a content type's storage looks like, recorded after each schema sync so the next change
// can be diffed against what the database really has.
import type { CompiledField, CompiledType } from '../compiled-type.js'
import type { ColumnSpec } from '../field-type-types.js'
import { fieldIndexes } from './create-tables.js'

export interface FieldStorage {
  name: string
  column?: string
  typeColumn?: string
  sideTable?: string
  multiTarget: boolean
  relationship: boolean
  indexed: boolean
  spec: ColumnSpec
  indexes: Array<{ name: string, column: string, unique: boolean }>
  /** Target types of a relationship (absent in snapshots recorded before targets were). */
  targets?: string[]
}

export interface StorageSnapshot { fields: FieldStorage[] }

export function fieldStorage (type: CompiledType, field: CompiledField): FieldStorage {
  const storage: FieldStorage = {
    name: field.name,
    multiTarget: field.targets.length > 1,
    relationship: field.relationship,
    indexed: field.indexed,
    spec: field.fieldType.column(field.definition),
    indexes: fieldIndexes(type, field)
  }
  if (field.relationship) storage.targets = [...field.targets]
  if (field.column) storage.column = field.column
  if (field.typeColumn) storage.typeColumn = field.typeColumn
  if (field.sideTable) storage.sideTable = field.sideTable
  return storage
}

export function snapshotOf (type: CompiledType): StorageSnapshot {
  return { fields: [...type.fields.values()].map(f => fieldStorage(type, f)) }
}

/** Same place and shape: nothing to do but maybe indexes or a widening. */
export function sameLocation (a: FieldStorage, b: FieldStorage): boolean {
  return a.column === b.column && a.typeColumn === b.typeColumn && a.sideTable === b.sideTable &&
    a.multiTarget === b.multiTarget && a.spec.kind === b.spec.kind
}
