// ANDs the access row filter into a query on an item table (optionally aliased).
import type { Knex } from 'knex'
import type { RowFilter } from '../../access/row-filter.js'

export function applyRowFilter (query: Knex.QueryBuilder, filter: RowFilter, alias?: string): Knex.QueryBuilder {
  const col = (name: string) => alias ? `${alias}.${name}` : name
  switch (filter.kind) {
    case 'all': return query
    case 'none': return query.whereRaw('1 = 0')
    case 'some': return query.where(q => {
      if (filter.published) void q.orWhere(col('status'), true)
      if (filter.ownerId !== null) void q.orWhere(col('uid'), filter.ownerId)
    })
  }
}
