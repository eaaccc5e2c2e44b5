// Which members of a type a read must load: a sparse fieldset plus the relationships an include
// path continues through. Reads with a selection fetch only those columns and side tables and
// convert only those values; everything else is left empty on the item.
import type { CompiledType } from '../compiled-type.js'
import type { IncludeNode } from '../includes/parse-include.js'

/** Field and base member names to load; undefined means every member. */
export type FieldSelection = ReadonlySet<string> | undefined

/** Columns every selected read fetches: identity, revision pointers and the ETag version. */
const ALWAYS = ['id', 'rev', 'latest_rev', 'version']
const BASE = ['uid', 'created', 'changed', 'status', 'moderation_state']

function relationshipNames (node: IncludeNode | undefined, out: Set<string>): Set<string> {
  if (!node) return out
  for (const [name, child] of node.children) {
    out.add(name)
    relationshipNames(child, out)
  }
  return out
}

/**
 * The members to load for resources of `type`: its sparse fieldset, if any, plus every
 * relationship named anywhere in the include tree (a superset, so includes always find the
 * identifiers they follow, at any depth).
 */
export function fieldSelection (type: CompiledType, fields: ReadonlyMap<string, ReadonlySet<string>> | undefined, include: IncludeNode | undefined): FieldSelection {
  const wanted = fields?.get(type.id)
  if (!wanted) return undefined
  const out = relationshipNames(include, new Set(wanted))
  return out
}

/** Every item-table column of `type` (unqualified). */
export function allColumns (type: CompiledType): string[] {
  return selectedColumns(type, new Set([...BASE, ...type.fields.keys()])) as string[]
}

/** The item-table columns a selection needs (unqualified); undefined selects them all. */
export function selectedColumns (type: CompiledType, selection: FieldSelection): string[] | undefined {
  if (!selection) return undefined
  const columns = [...ALWAYS, ...BASE.filter(name => selection.has(name))]
  for (const field of type.fields.values()) {
    if (!field.column || !selection.has(field.name)) continue
    columns.push(field.column)
    if (field.typeColumn) columns.push(field.typeColumn)
  }
  return columns
}
