// Find (list): one statement for the page (access row filter, conditions, sort, offset or keyset),
// one per multi-valued field for the whole page, and one more for the opt-in total.
import type { Actor } from '../../access/actor.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { ContentItem } from '../content-item.js'
import { applyRowFilter, visibleRows } from '../query/apply-row-filter.js'
import { applyCondition, type CompileContext } from '../query/compile-condition.js'
import { applySort } from '../query/compile-sort.js'
import { applyKeyset, decodeCursor, encodeCursor } from '../query/cursor.js'
import type { ListQuery } from '../query/query-types.js'
import { hydrateRows } from '../repository/read-items.js'

export interface FindResult {
  items: ContentItem[]
  /** Present when more items follow (cursor paging, or offset paging with a full page). */
  nextCursor?: string
  hasMore: boolean
  total?: number
}

export async function findContent (kernel: Kernel, actor: Actor, typeId: string, query: ListQuery): Promise<FindResult> {
  const type = kernel.contentTypes.require(typeId)
  const { knex } = kernel.db
  const ctx: CompileContext = { kernel, actor, aliasCounter: { next: 1 } }
  const base = knex(`${type.table} as t0`)
  applyRowFilter(base, visibleRows(kernel, actor, type.id), 't0')
  if (query.filter) applyCondition(base, type, 't0', query.filter, ctx)

  const page = base.clone().select('t0.*')
  const keys = applySort(page, type, query.sort, ctx)
  const { limit } = query.page
  if (query.page.kind === 'cursor') {
    applyKeyset(page, keys, query.page.cursor ? decodeCursor(keys, query.page.cursor) : null)
  } else {
    void page.offset(query.page.offset)
  }
  const rows = await page.limit(limit + 1) as Array<Record<string, unknown>>
  const hasMore = rows.length > limit
  const pageRows = rows.slice(0, limit)
  const result: FindResult = { items: await hydrateRows(knex, type, pageRows), hasMore }
  const last = pageRows.at(-1)
  if (query.page.kind === 'cursor' && hasMore && last) result.nextCursor = encodeCursor(keys, last)
  if (query.total) {
    const [row] = await base.clone().count({ n: '*' }) as Array<{ n: number | string }>
    result.total = Number(row?.n ?? 0)
  }
  return result
}
