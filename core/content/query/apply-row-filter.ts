// ANDs the access row filter into a query on an item table (optionally aliased), as WHERE
// clauses or, for LEFT JOINs, as ON conditions.
import type { Knex } from 'knex'
import type { Actor } from '../../access/actor.js'
import { rowFilter, type RowDeny, type RowFilter } from '../../access/row-filter.js'
import type { Kernel } from '../../kernel/kernel.js'

/** The actor's row filter for a type, with every module's row rules applied. */
export function visibleRows (kernel: Kernel, actor: Actor, typeId: string): RowFilter {
  return rowFilter(actor, typeId, kernel.registries.rowRules.list().map(r => r.value))
}

function denySql (column: string, deny: RowDeny): [string, Array<string | number | boolean>] {
  const marks = deny.values.map(() => '?').join(', ')
  return [`(?? IS NULL OR ?? NOT IN (${marks}))`, [column, column, ...deny.values]]
}

export function applyRowFilter (query: Knex.QueryBuilder, filter: RowFilter, alias?: string): Knex.QueryBuilder {
  const col = (name: string) => alias ? `${alias}.${name}` : name
  if (filter.kind === 'none') return query.whereRaw('1 = 0')
  for (const deny of filter.deny) void query.whereRaw(...denySql(col(deny.column), deny))
  if (filter.kind === 'all') return query
  return query.where(q => {
    if (filter.published) void q.orWhere(col('status'), true)
    if (filter.ownerId !== null) void q.orWhere(col('uid'), filter.ownerId)
  })
}

/** The same filter as ON conditions of `LEFT JOIN … AS alias` (hidden rows join as NULL). */
export function joinRowFilter (join: Knex.JoinClause, knex: Knex, filter: RowFilter, alias: string): void {
  if (filter.kind === 'none') {
    join.andOn(knex.raw('1 = 0'))
    return
  }
  for (const deny of filter.deny) join.andOn(knex.raw(...denySql(`${alias}.${deny.column}`, deny)))
  if (filter.kind === 'some') {
    join.andOn(function () {
      if (filter.published) this.orOnVal(`${alias}.status`, '=', true)
      if (filter.ownerId !== null) this.orOnVal(`${alias}.uid`, '=', filter.ownerId)
    })
  }
}
