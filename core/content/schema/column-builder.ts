// Turns a field type's ColumnSpec into a knex column for each dialect.
import type { Knex } from 'knex'
import type { Dialect } from '../../db/connect.js'
import type { ColumnSpec } from '../field-type-types.js'

export function addColumn (t: Knex.CreateTableBuilder | Knex.AlterTableBuilder, name: string, spec: ColumnSpec, dialect: Dialect): Knex.ColumnBuilder {
  switch (spec.kind) {
    case 'string': return t.string(name, spec.length ?? 255)
    case 'text': return t.text(name, dialect === 'mysql' ? 'mediumtext' : undefined)
    case 'longtext': return t.text(name, dialect === 'mysql' ? 'longtext' : undefined)
    case 'json': return t.text(name, dialect === 'mysql' ? 'longtext' : undefined)
    case 'integer': return t.integer(name)
    case 'bigint': return t.bigInteger(name)
    // SQLite has no exact decimal: field types store a scaled integer there.
    case 'decimal': return dialect === 'mysql' ? t.decimal(name, spec.precision ?? 10, spec.scale ?? 2) : t.bigInteger(name)
    case 'float': return t.double(name)
    case 'boolean': return t.boolean(name)
    case 'datetime': return t.datetime(name, { precision: 3 })
    case 'date': return t.date(name)
    case 'uuid': return t.string(name, 36)
  }
}

/** Whether a column can hold every value of the old spec without loss (a widening). */
export function isWidening (from: ColumnSpec, to: ColumnSpec): boolean {
  if (from.kind !== to.kind) return from.kind === 'text' && to.kind === 'longtext'
  if (from.kind === 'string') return (to.length ?? 255) >= (from.length ?? 255)
  if (from.kind === 'decimal') {
    const intFrom = (from.precision ?? 10) - (from.scale ?? 2)
    const intTo = (to.precision ?? 10) - (to.scale ?? 2)
    return intTo >= intFrom && (to.scale ?? 2) === (from.scale ?? 2)
  }
  return true
}

export function sameColumn (a: ColumnSpec, b: ColumnSpec): boolean {
  return a.kind === b.kind && a.length === b.length && a.precision === b.precision && a.scale === b.scale
}
