// DDL for one content type: the item table, the revision table and one side table per
// multi-valued field; each statement is skipped when its object already exists.
import type { Knex } from 'knex'
import type { Dialect } from '../../db/connect.js'
import { ensureTable } from '../../db/schema-helpers.js'
import { indexName, type CompiledField, type CompiledType } from '../compiled-type.js'
import { addColumn } from './column-builder.js'
import { hasIndex } from './introspect.js'

export function addFieldColumns (t: Knex.CreateTableBuilder | Knex.AlterTableBuilder, field: CompiledField, dialect: Dialect): void {
  if (!field.column) return
  addColumn(t, field.column, field.fieldType.column(field.definition), dialect).nullable()
  if (field.typeColumn) t.string(field.typeColumn, 32).nullable()
}

export async function createSideTable (knex: Knex, dialect: Dialect, field: CompiledField): Promise<void> {
  const table = field.sideTable as string
  await ensureTable(knex, table, t => {
    t.string('id', 36).notNullable()
    t.integer('delta').notNullable()
    addColumn(t, 'value', field.fieldType.column(field.definition), dialect).notNullable()
    if (field.targets.length > 1) t.string('value_type', 32).nullable()
    t.primary(['id', 'delta'])
    if (field.relationship || field.indexed) t.index(['value'], indexName(table, 'value', 'idx'))
  })
}

/** Indexes the item table needs for this field (unique, indexed, references). */
export function fieldIndexes (type: CompiledType, field: CompiledField): Array<{ name: string, column: string, unique: boolean }> {
  if (!field.column) return []
  if (field.unique) return [{ name: indexName(type.table, field.column, 'uniq'), column: field.column, unique: true }]
  if (field.indexed || field.relationship) return [{ name: indexName(type.table, field.column, 'idx'), column: field.column, unique: false }]
  return []
}

export async function ensureFieldIndexes (knex: Knex, dialect: Dialect, type: CompiledType, field: CompiledField): Promise<void> {
  for (const index of fieldIndexes(type, field)) {
    if (await hasIndex(knex, dialect, type.table, index.name)) continue
    await knex.schema.alterTable(type.table, t => {
      if (index.unique) t.unique([index.column], { indexName: index.name })
      else t.index([index.column], index.name)
    })
  }
}

/** Columns an item row and each of its revision rows share: base fields and single-valued fields. */
function addSnapshotColumns (t: Knex.CreateTableBuilder, type: CompiledType, dialect: Dialect): void {
  t.string('uid', 36).nullable()
  t.datetime('created', { precision: 3 }).notNullable()
  t.datetime('changed', { precision: 3 }).notNullable()
  t.boolean('status').notNullable()
  t.string('moderation_state', 32).nullable()
  for (const field of type.fields.values()) addFieldColumns(t, field, dialect)
}

/** The item and revision tables (with every field's column when they are created now). */
export async function ensureTypeTables (knex: Knex, dialect: Dialect, type: CompiledType): Promise<void> {
  await ensureTable(knex, type.table, t => {
    t.string('id', 36).primary()
    t.integer('rev').nullable()
    t.integer('latest_rev').nullable()
    t.integer('version').notNullable().defaultTo(1)
    addSnapshotColumns(t, type, dialect)
    t.index(['status', 'created'], indexName(type.table, 'status_created', 'idx'))
    t.index(['created'], indexName(type.table, 'created', 'idx'))
    t.index(['changed'], indexName(type.table, 'changed', 'idx'))
    t.index(['uid'], indexName(type.table, 'uid', 'idx'))
  })
  await ensureTable(knex, type.revisionTable, t => {
    t.increments('rev')
    t.string('id', 36).notNullable().index(indexName(type.revisionTable, 'id', 'idx'))
    t.string('rev_uid', 36).nullable()
    t.datetime('rev_created', { precision: 3 }).notNullable()
    t.string('rev_log', 1000).nullable()
    addSnapshotColumns(t, type, dialect)
    t.text('multi', dialect === 'mysql' ? 'longtext' : undefined).nullable()
  })
}

export async function createTypeTables (knex: Knex, dialect: Dialect, type: CompiledType): Promise<void> {
  await ensureTypeTables(knex, dialect, type)
  for (const field of type.fields.values()) {
    if (field.sideTable) await createSideTable(knex, dialect, field)
    await ensureFieldIndexes(knex, dialect, type, field)
  }
}
