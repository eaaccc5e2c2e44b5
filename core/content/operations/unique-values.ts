// Unique fields: the item table's unique indexes reject a clash; this finds which fields clash,
// so a rejected write answers one 422 per field like a validation error.
import type { Knex } from 'knex'
import type { Dialect } from '../../db/connect.js'
import type { Violation } from '../validate/string-sanity.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'

/** The unique fields whose value another item of the type already holds (one SELECT per unique field set). */
export async function uniqueViolations (knex: Knex, dialect: Dialect, type: CompiledType, item: ContentItem): Promise<Violation[]> {
  const violations: Violation[] = []
  for (const field of type.fields.values()) {
    const value = item.values[field.name]
    if (!field.unique || !field.column || value === null || value === undefined) continue
    const dbValue = field.fieldType.toDb(value, field.definition, dialect)
    const clash = await knex(type.table).where(field.column, dbValue as string).whereNot('id', item.id).first('id')
    if (clash) violations.push({ pointer: `/data/attributes/${field.name}`, detail: `another ${type.id} already has this ${field.name}` })
  }
  return violations
}
