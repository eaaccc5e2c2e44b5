// Compiles sort keys: columns of the item table, or of to-one relationship targets joined with
// their access row filter in the ON clause (so hidden targets sort as empty, never as an oracle).
// The item id is always the last key, which makes every order total (needed by cursors).
import type { Knex } from 'knex'
import { joinRowFilter, visibleRows } from './apply-row-filter.js'
import { CmsError } from '../../errors/cms-error.js'
import type { CompiledType } from '../compiled-type.js'
import type { CompileContext } from './compile-condition.js'
import type { SortKey } from './query-types.js'
import { resolvePath, type ResolvedPath } from './resolve-path.js'

export interface CompiledSortKey {
  /** Qualified column (alias.column) the query orders by. */
  column: string
  direction: 'asc' | 'desc'
  /** Whether the column can hold NULL (cursor paging needs non-null keys). */
  nullable: boolean
}

const NON_NULL_BASE = new Set(['id', 'created', 'changed', 'status'])

function joinTarget (q: Knex.QueryBuilder, ctx: CompileContext, alias: string, path: Extract<ResolvedPath, { kind: 'relation' }>): string {
  const t = `t${ctx.aliasCounter.next++}`
  const filter = visibleRows(ctx.kernel, ctx.actor, path.target.id)
  void q.leftJoin(`${path.target.table} as ${t}`, function () {
    this.on(`${t}.id`, '=', `${alias}.${path.field.column as string}`)
    joinRowFilter(this, ctx.kernel.db.knex, filter, t)
  })
  return t
}

export function applySort (q: Knex.QueryBuilder, type: CompiledType, keys: readonly SortKey[], ctx: CompileContext): CompiledSortKey[] {
  const compiled: CompiledSortKey[] = []
  for (const key of keys) {
    let alias = 't0'
    let path = resolvePath(ctx.kernel, ctx.actor, type, key.path, key.parameter)
    let nullable = false
    while (path.kind === 'relation') {
      if (path.field.multiple) throw new CmsError('INVALID_QUERY', `Cannot sort by "${key.path}": it goes through a to-many relationship`, { source: { parameter: key.parameter } })
      alias = joinTarget(q, ctx, alias, path)
      nullable = true
      path = path.rest
    }
    const { target } = path
    if (target.multiple || !target.fieldType.sortable) {
      throw new CmsError('INVALID_QUERY', `Cannot sort by "${key.path}"`, { source: { parameter: key.parameter } })
    }
    const required = target.definition.required === true || NON_NULL_BASE.has(target.column)
    compiled.push({ column: `${alias}.${target.column}`, direction: key.direction, nullable: nullable || !required })
  }
  if (!compiled.some(k => k.column === 't0.id')) compiled.push({ column: 't0.id', direction: compiled.at(-1)?.direction ?? 'asc', nullable: false })
  for (const key of compiled) void q.orderBy(key.column, key.direction)
  return compiled
}
