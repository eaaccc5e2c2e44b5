// Includes answered by the page statement itself: a one-level include of to-one relationships
// becomes LEFT JOINs of the targets (their access row filter in the ON clause, so hidden targets
// join as NULL), the way a hand-written query would fetch a list with its authors. What the join
// found is handed to loadIncludes as prefetched rows, which keeps one algorithm for what is
// included, in which order, and what is reported as requested.
import type { Knex } from 'knex'
import type { Actor } from '../../access/actor.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import { joinRowFilter, visibleRows } from '../query/apply-row-filter.js'
import { allColumns, selectedColumns, type FieldSelection } from '../query/field-selection.js'
import { hydrateRows } from '../repository/read-items.js'
import type { Row } from '../repository/statements.js'
import type { IncludeNode } from './parse-include.js'

export interface IncludeJoin {
  /** The relationship's column on the primary table. */
  column: string
  target: CompiledType
  alias: string
  selection: FieldSelection
  columns: readonly string[]
}

/** Visible target items found by the joins, by type and id (hidden or missing ones absent). */
export type Prefetched = ReadonlyMap<string, ReadonlyMap<string, ContentItem>>

/** The joins for `tree`, or undefined when some path is not one to-one step to one content type. */
export function includeJoins (kernel: Kernel, type: CompiledType, tree: IncludeNode, selectionFor: (type: CompiledType) => FieldSelection): IncludeJoin[] | undefined {
  const joins: IncludeJoin[] = []
  for (const [name, child] of tree.children) {
    const field = type.fields.get(name)
    const target = field?.targets.length === 1 ? kernel.contentTypes.get(field.targets[0] as string) : undefined
    if (!field?.column || field.multiple || child.children.size > 0 || !target) return undefined
    const selection = selectionFor(target)
    joins.push({ column: field.column, target, alias: `i${joins.length}`, selection, columns: selectedColumns(target, selection) ?? allColumns(target) })
  }
  return joins
}

/** Adds the joins and their columns to a page query on `t0` (as __i<n>_<column>: field names start with a letter). */
export function applyIncludeJoins (page: Knex.QueryBuilder, kernel: Kernel, actor: Actor, joins: readonly IncludeJoin[]): void {
  const { knex } = kernel.db
  for (const join of joins) {
    const filter = visibleRows(kernel, actor, join.target.id)
    void page.leftJoin(`${join.target.table} as ${join.alias}`, function () {
      this.on(`${join.alias}.id`, '=', `t0.${join.column}`)
      joinRowFilter(this, knex, filter, join.alias)
    })
    void page.select(join.columns.map(c => `${join.alias}.${c} as __${join.alias}_${c}`))
  }
}

/** The joined targets of the page's rows, with their selected multi-valued fields (batched). */
export async function joinedItems (knex: Knex, rows: readonly Row[], joins: readonly IncludeJoin[]): Promise<Prefetched> {
  const out = new Map<string, Map<string, ContentItem>>()
  for (const join of joins) {
    const byId = new Map<string, Row>()
    for (const row of rows) {
      const id = row[`__${join.alias}_id`]
      if (id === null || id === undefined || byId.has(String(id))) continue
      const target: Row = {}
      for (const column of join.columns) target[column] = row[`__${join.alias}_${column}`]
      byId.set(String(id), target)
    }
    let items = out.get(join.target.id)
    if (!items) out.set(join.target.id, items = new Map())
    for (const item of await hydrateRows(knex, join.target, [...byId.values()], join.selection)) items.set(item.id, item)
  }
  return out
}
