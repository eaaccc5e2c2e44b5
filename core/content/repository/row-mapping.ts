// Converts between items (API-shaped values) and rows (column values per dialect).
import type { Dialect } from '../../db/connect.js'
import { fromDbDateTime, toDbDateTime } from '../../db/dates.js'
import type { CompiledField, CompiledType } from '../compiled-type.js'
import type { ContentItem, ResourceIdentifier } from '../content-item.js'

type Row = Record<string, unknown>

function valueToDb (field: CompiledField, value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null
  if (field.relationship) return (value as ResourceIdentifier).id
  return field.fieldType.toDb(value, field.definition, dialect)
}

function valueFromDb (field: CompiledField, value: unknown, targetType: unknown): unknown {
  if (value === null || value === undefined) return null
  if (field.relationship) return { type: typeof targetType === 'string' ? targetType : field.targets[0], id: String(value) }
  return field.fieldType.fromDb(value, field.definition)
}

/** Columns shared by the item table and the revision table. */
export function snapshotColumns (type: CompiledType, item: ContentItem, dialect: Dialect): Row {
  const row: Row = {
    uid: item.uid,
    created: toDbDateTime(item.created),
    changed: toDbDateTime(item.changed),
    status: item.status,
    moderation_state: item.moderationState
  }
  for (const field of type.fields.values()) {
    if (!field.column) continue
    const value = item.values[field.name]
    row[field.column] = valueToDb(field, value, dialect)
    if (field.typeColumn) row[field.typeColumn] = value ? (value as ResourceIdentifier).type : null
  }
  return row
}

/** Side-table rows of one multi-valued field. */
export function sideRows (field: CompiledField, item: ContentItem, dialect: Dialect): Row[] {
  const values = (item.values[field.name] ?? []) as unknown[]
  return values.map((value, delta) => {
    const row: Row = { id: item.id, delta, value: valueToDb(field, value, dialect) }
    if (field.targets.length > 1) row.value_type = (value as ResourceIdentifier).type
    return row
  })
}

/** The API-shaped values of every multi-valued field, as stored in a revision's `multi`. */
export function multiValues (type: CompiledType, item: ContentItem): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  for (const field of type.fields.values()) if (field.multiple) out[field.name] = (item.values[field.name] ?? []) as unknown[]
  return out
}

/**
 * Builds an item from an item-table or revision row plus its multi-valued fields. With a
 * selection, only the selected fields are converted; base members the row lacks (not selected)
 * are left empty: such items are only for callers that read no more than they selected.
 */
export function rowToItem (type: CompiledType, row: Row, multi: Record<string, unknown[]>, rev: number | null, selection?: ReadonlySet<string>): ContentItem {
  const values: Record<string, unknown> = {}
  for (const field of type.fields.values()) {
    if (selection && !selection.has(field.name)) continue
    if (field.column) values[field.name] = valueFromDb(field, row[field.column], field.typeColumn ? row[field.typeColumn] : undefined)
    else values[field.name] = multi[field.name] ?? []
  }
  return {
    type: type.id,
    id: String(row.id),
    rev,
    defaultRev: row.default_rev === undefined ? (row.rev as number | null) ?? null : row.default_rev as number | null,
    latestRev: (row.latest_rev as number | null | undefined) ?? null,
    version: Number(row.version ?? 1),
    uid: (row.uid as string | null | undefined) ?? null,
    created: row.created === undefined ? '' : fromDbDateTime(row.created) as string,
    changed: row.changed === undefined ? '' : fromDbDateTime(row.changed) as string,
    status: Boolean(row.status),
    moderationState: (row.moderation_state as string | null) ?? null,
    values
  }
}

/** Side-table rows (ordered by delta) → API values per item id. */
export function groupSideRows (field: CompiledField, rows: Row[]): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>()
  for (const row of rows) {
    const id = String(row.id)
    const list = out.get(id) ?? []
    list.push(valueFromDb(field, row.value, row.value_type))
    out.set(id, list)
  }
  return out
}
