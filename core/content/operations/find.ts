// Find (list): one statement for the page (access row filter, conditions, sort, offset or keyset),
// one per selected multi-valued field for the whole page, and one more for the opt-in total.
// Planning (building and compiling the SQL) is separate from running, so callers can reuse a
// plan for requests of the same shape.
import type { Actor } from '../../access/actor.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import { applyIncludeJoins, joinedItems, type IncludeJoin, type Prefetched } from '../includes/joined-includes.js'
import { applyRowFilter, visibleRows } from '../query/apply-row-filter.js'
import { applyCondition, type CompileContext } from '../query/compile-condition.js'
import type { CompiledSortKey } from '../query/compile-sort.js'
import { applySort } from '../query/compile-sort.js'
import { applyKeyset, decodeCursor, encodeCursor } from '../query/cursor.js'
import { selectedColumns, type FieldSelection } from '../query/field-selection.js'
import type { ListQuery } from '../query/query-types.js'
import { hydrateRows } from '../repository/read-items.js'
import { compileStatement, selectRows, type Statement } from '../repository/statements.js'

export interface FindResult {
  items: ContentItem[]
  /** Present when more items follow (cursor paging, or offset paging with a full page). */
  nextCursor?: string
  hasMore: boolean
  total?: number
  /** What the plan's include joins found (for loadIncludes). */
  prefetched?: Prefetched
}

/** A list query compiled for one caller: valid for any caller with the same access. */
export interface FindPlan {
  type: CompiledType
  query: ListQuery
  selection: FieldSelection
  /** The page, one row more than the limit (which tells whether more follow). */
  page: Statement
  keys: CompiledSortKey[]
  count: Statement | undefined
  joins: readonly IncludeJoin[]
}

/** Builds and compiles the statements of a list query; throws 400/403 for a bad query. */
export function planFind (kernel: Kernel, actor: Actor, type: CompiledType, query: ListQuery, selection?: FieldSelection, joins: readonly IncludeJoin[] = []): FindPlan {
  const { knex } = kernel.db
  const ctx: CompileContext = { kernel, actor, aliasCounter: { next: 1 } }
  const base = knex(`${type.table} as t0`)
  applyRowFilter(base, visibleRows(kernel, actor, type.id), 't0')
  if (query.filter) applyCondition(base, type, 't0', query.filter, ctx)

  const columns = selectedColumns(type, selection)
  const page = base.clone().select(columns ? columns.map(c => `t0.${c}`) : 't0.*')
  const keys = applySort(page, type, query.sort, ctx)
  applyIncludeJoins(page, kernel, actor, joins)
  const { limit } = query.page
  if (query.page.kind === 'cursor') {
    applyKeyset(page, keys, query.page.cursor ? decodeCursor(keys, query.page.cursor) : null)
  } else {
    void page.offset(query.page.offset)
  }
  void page.limit(limit + 1)
  const count = query.total ? compileStatement(base.clone().count({ n: '*' })) : undefined
  return { type, query, selection, page: compileStatement(page), keys, count, joins }
}

export async function runFind (kernel: Kernel, plan: FindPlan): Promise<FindResult> {
  const { knex } = kernel.db
  const { query, keys } = plan
  const { limit } = query.page
  const rows = await selectRows(knex, plan.page)
  const hasMore = rows.length > limit
  const pageRows = rows.slice(0, limit)
  const result: FindResult = { items: await hydrateRows(knex, plan.type, pageRows, plan.selection), hasMore }
  if (plan.joins.length > 0) result.prefetched = await joinedItems(knex, pageRows, plan.joins)
  const last = pageRows.at(-1)
  if (query.page.kind === 'cursor' && hasMore && last) result.nextCursor = encodeCursor(keys, last)
  if (plan.count) {
    const [row] = await selectRows(knex, plan.count) as Array<{ n: number | string }>
    result.total = Number(row?.n ?? 0)
  }
  return result
}

export async function findContent (kernel: Kernel, actor: Actor, typeId: string, query: ListQuery): Promise<FindResult> {
  return runFind(kernel, planFind(kernel, actor, kernel.contentTypes.require(typeId), query))
}
