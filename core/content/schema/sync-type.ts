// Brings one content type's tables in line with its compiled definition, one idempotent DDL step
// at a time. A change that would lose data (dropping a field with values, narrowing a column below
// existing values, changing a field's storage) is refused with 409 before any DDL, unless forced.
import type { Knex } from 'knex'
import type { Dialect } from '../../db/connect.js'
import { CmsError } from '../../errors/cms-error.js'
import type { CompiledType } from '../compiled-type.js'
import { addColumn, isWidening, sameColumn } from './column-builder.js'
import { addFieldColumns, createSideTable, createTypeTables, ensureFieldIndexes, ensureTypeTables } from './create-tables.js'
import { hasIndex } from './introspect.js'
import { fieldStorage, sameLocation, type FieldStorage, type StorageSnapshot } from './storage-snapshot.js'

interface SyncContext { knex: Knex, dialect: Dialect, type: CompiledType, force: boolean }

async function hasData (ctx: SyncContext, field: FieldStorage): Promise<boolean> {
  const { knex, type } = ctx
  if (field.sideTable) return Boolean(await knex.schema.hasTable(field.sideTable) && await knex(field.sideTable).first('id'))
  if (!field.column || !(await knex.schema.hasColumn(type.table, field.column))) return false
  const inItems = await knex(type.table).whereNotNull(field.column).first('id')
  const inRevisions = await knex(type.revisionTable).whereNotNull(field.column).first('id')
  return Boolean(inItems ?? inRevisions)
}

async function dropIndexes (ctx: SyncContext, field: FieldStorage, keep: FieldStorage['indexes'] = []): Promise<void> {
  for (const index of field.indexes) {
    if (keep.some(k => k.name === index.name && k.unique === index.unique)) continue
    if (!(await hasIndex(ctx.knex, ctx.dialect, ctx.type.table, index.name))) continue
    await ctx.knex.schema.alterTable(ctx.type.table, t => {
      if (index.unique) t.dropUnique([index.column], index.name)
      else t.dropIndex([index.column], index.name)
    })
  }
}

async function dropField (ctx: SyncContext, field: FieldStorage): Promise<void> {
  await dropIndexes(ctx, field)
  if (field.sideTable) await ctx.knex.schema.dropTableIfExists(field.sideTable)
  for (const table of [ctx.type.table, ctx.type.revisionTable]) {
    for (const column of [field.column, field.typeColumn]) {
      if (column && await ctx.knex.schema.hasColumn(table, column)) await ctx.knex.schema.alterTable(table, t => { t.dropColumn(column) })
    }
  }
}

async function addField (ctx: SyncContext, name: string): Promise<void> {
  const field = ctx.type.fields.get(name)
  if (!field) return
  if (field.sideTable) await createSideTable(ctx.knex, ctx.dialect, field)
  for (const table of [ctx.type.table, ctx.type.revisionTable]) {
    if (field.column && !(await ctx.knex.schema.hasColumn(table, field.column))) {
      await ctx.knex.schema.alterTable(table, t => { addFieldColumns(t, field, ctx.dialect) })
    }
  }
  await ensureFieldIndexes(ctx.knex, ctx.dialect, ctx.type, field)
}

/** A relationship that loses a target type: its stored ids would be read as items of another type. */
function dropsTargets (before: FieldStorage, after: FieldStorage): boolean {
  const { targets: was } = before
  const { targets: now } = after
  return was !== undefined && now !== undefined && was.some(target => !now.includes(target))
}

/**
 * A change the stored values cannot survive in place: narrower or rescaled decimals (SQLite
 * stores them scaled), relationships losing a target type.
 */
function needsRebuild (before: FieldStorage, after: FieldStorage): boolean {
  if (dropsTargets(before, after)) return true
  return Boolean(after.column) && !sameColumn(before.spec, after.spec) && !isWidening(before.spec, after.spec) && after.spec.kind !== 'string'
}

function lengthCondition (ctx: SyncContext, column: string, length: number): [string, unknown[]] {
  return [`${ctx.dialect === 'mysql' ? 'CHAR_LENGTH' : 'LENGTH'}(??) > ?`, [column, length]]
}

/** A string column narrowed: when forced, values longer than the new length are cut. */
async function resizeColumn (ctx: SyncContext, before: FieldStorage, after: FieldStorage): Promise<void> {
  const column = after.column as string
  const length = after.spec.length ?? 255
  if (!isWidening(before.spec, after.spec)) {
    for (const table of [ctx.type.table, ctx.type.revisionTable]) {
      const [sql, bindings] = lengthCondition(ctx, column, length)
      await ctx.knex(table).whereRaw(sql, bindings as Knex.RawBinding[]).update({ [column]: ctx.knex.raw('SUBSTR(??, 1, ?)', [column, length]) })
    }
  }
  if (ctx.dialect !== 'mysql') return // SQLite does not enforce declared lengths.
  for (const table of [ctx.type.table, ctx.type.revisionTable]) {
    await ctx.knex.schema.alterTable(table, t => { addColumn(t, column, after.spec, ctx.dialect).nullable().alter() })
  }
}

function lossRefused (detail: string): CmsError {
  return new CmsError('CONFLICT', `${detail} (force the change to proceed)`)
}

/**
 * Every data-losing step is checked before the first DDL statement runs: MySQL commits each
 * ALTER on its own, so a refusal half-way would leave the tables half-changed.
 */
async function assertNoLoss (ctx: SyncContext, applied: StorageSnapshot, next: Map<string, FieldStorage>): Promise<void> {
  for (const before of applied.fields) {
    const after = next.get(before.name)
    if (!after || !sameLocation(before, after) || needsRebuild(before, after)) {
      if (!(await hasData(ctx, before))) continue
      if (!after) throw lossRefused(`Field "${before.name}" has values; removing it would lose them`)
      if (dropsTargets(before, after)) throw lossRefused(`Field "${before.name}" has values; removing a target type would leave them pointing at the wrong type`)
      throw lossRefused(`Field "${before.name}" has values; changing its storage would lose them`)
    } else if (after.column && !sameColumn(before.spec, after.spec) && !isWidening(before.spec, after.spec)) {
      const length = after.spec.length ?? 255
      for (const table of [ctx.type.table, ctx.type.revisionTable]) {
        const [sql, bindings] = lengthCondition(ctx, after.column, length)
        if (await ctx.knex(table).whereRaw(sql, bindings as Knex.RawBinding[]).first('id')) {
          throw lossRefused(`Field "${after.name}" has values longer than ${length}; narrowing it would cut them`)
        }
      }
    }
  }
}

/** A field that becomes unique must not hold duplicates (forcing cannot help: 409 either way). */
async function assertUniqueFeasible (ctx: SyncContext, applied: StorageSnapshot, next: Map<string, FieldStorage>): Promise<void> {
  for (const before of applied.fields) {
    const after = next.get(before.name)
    if (!after?.column || !sameLocation(before, after) || needsRebuild(before, after)) continue
    if (!after.indexes.some(i => i.unique && !before.indexes.some(b => b.unique && b.name === i.name))) continue
    const duplicate = await ctx.knex(ctx.type.table).whereNotNull(after.column).groupBy(after.column).havingRaw('COUNT(*) > 1').first(after.column)
    if (duplicate) throw new CmsError('CONFLICT', `Field "${after.name}" holds duplicate values; it can become unique once they differ`)
  }
}

/** Syncs the type's storage from `applied` (undefined: never synced). */
export async function syncType (knex: Knex, dialect: Dialect, type: CompiledType, applied: StorageSnapshot | undefined, force: boolean): Promise<void> {
  const ctx: SyncContext = { knex, dialect, type, force }
  if (!applied) {
    await createTypeTables(knex, dialect, type)
    return
  }
  const next = new Map([...type.fields.values()].map(f => [f.name, fieldStorage(type, f)]))
  await assertUniqueFeasible(ctx, applied, next)
  if (!force) await assertNoLoss(ctx, applied, next)
  await ensureTypeTables(knex, dialect, type)
  for (const before of applied.fields) {
    const after = next.get(before.name)
    if (!after || !sameLocation(before, after) || needsRebuild(before, after)) {
      await dropField(ctx, before)
      if (after) await addField(ctx, after.name)
      continue
    }
    await dropIndexes(ctx, before, after.indexes)
    if (after.column && !sameColumn(before.spec, after.spec)) await resizeColumn(ctx, before, after)
    await addField(ctx, after.name)
  }
  for (const name of next.keys()) {
    if (!applied.fields.some(f => f.name === name)) await addField(ctx, name)
  }
}
