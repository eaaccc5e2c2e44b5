// Compiles a condition tree into WHERE clauses on the item table. Relationship paths become
// EXISTS subqueries that carry the target type's access row filter, so hidden items can neither
// match nor be probed; multi-valued fields match when any value does.
import type { Knex } from 'knex'
import type { Actor } from '../../access/actor.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../compiled-type.js'
import { applyRowFilter, visibleRows } from './apply-row-filter.js'
import { filterValueToDb } from './filter-value.js'
import type { ConditionNode } from './query-types.js'
import { resolvePath, type ResolvedPath, type Target } from './resolve-path.js'

export interface CompileContext { kernel: Kernel, actor: Actor, aliasCounter: { next: number } }

type Condition = Extract<ConditionNode, { kind: 'condition' }>

function likePattern (value: string, operator: string): string {
  const escaped = value.replace(/[!%_]/g, c => `!${c}`)
  return operator === 'STARTS_WITH' ? `${escaped}%` : operator === 'ENDS_WITH' ? `%${escaped}` : `%${escaped}%`
}

function applyOperator (q: Knex.QueryBuilder, column: string, target: Target, node: Condition, ctx: CompileContext): void {
  const { operator, parameter } = node
  if (!target.fieldType.operators.includes(operator)) {
    throw new CmsError('INVALID_QUERY', `Operator ${operator} is not supported on ${node.path}`, { source: { parameter } })
  }
  const dialect = ctx.kernel.db.dialect
  const convert = (raw: unknown) => filterValueToDb(target, raw, parameter, dialect)
  const list = (min: number, max: number) => {
    const values = Array.isArray(node.value) ? node.value : node.value === undefined ? [] : [node.value]
    if (values.length < min || values.length > max) {
      throw new CmsError('INVALID_QUERY', `${operator} takes ${min === max ? min : `${min} to ${max}`} values`, { source: { parameter } })
    }
    return values.map(convert) as Array<string | number>
  }
  switch (operator) {
    case 'IS NULL': void q.whereNull(column); return
    case 'IS NOT NULL': void q.whereNotNull(column); return
    case 'IN': void q.whereIn(column, list(1, ctx.kernel.config.contentApi.maxInValues)); return
    case 'NOT IN': void q.whereNotIn(column, list(1, ctx.kernel.config.contentApi.maxInValues)); return
    case 'BETWEEN': void q.whereBetween(column, list(2, 2) as [number, number]); return
    case 'NOT BETWEEN': void q.whereNotBetween(column, list(2, 2) as [number, number]); return
    case 'STARTS_WITH':
    case 'CONTAINS':
    case 'ENDS_WITH': {
      const value = list(1, 1)[0]
      void q.whereRaw('?? LIKE ? ESCAPE \'!\'', [column, likePattern(String(value), operator)])
      return
    }
    case '=': case '<>': case '>': case '>=': case '<': case '<=':
      void q.where(column, operator, list(1, 1)[0] as string | number)
  }
}

function applyPath (q: Knex.QueryBuilder, alias: string, path: ResolvedPath, node: Condition, ctx: CompileContext): void {
  const knex = ctx.kernel.db.knex
  if (path.kind === 'value') {
    const { target } = path
    if (!target.multiple) {
      applyOperator(q, `${alias}.${target.column}`, target, node, ctx)
      return
    }
    const side = `t${ctx.aliasCounter.next++}`
    const exists = knex(`${target.sideTable as string} as ${side}`).select(knex.raw('1')).whereRaw('??.id = ??.id', [side, alias])
    if (node.operator === 'IS NULL') void q.whereNotExists(exists)
    else if (node.operator === 'IS NOT NULL') void q.whereExists(exists)
    else void q.whereExists(exists.where(inner => { applyOperator(inner, `${side}.value`, target, node, ctx) }))
    return
  }
  const t = `t${ctx.aliasCounter.next++}`
  const sub = knex(`${path.target.table} as ${t}`).select(knex.raw('1'))
  if (path.field.multiple) {
    const side = `t${ctx.aliasCounter.next++}`
    void sub.join(`${path.field.sideTable as string} as ${side}`, `${side}.value`, `${t}.id`).whereRaw('??.id = ??.id', [side, alias])
  } else {
    void sub.whereRaw('??.id = ??.??', [t, alias, path.field.column as string])
  }
  applyRowFilter(sub, visibleRows(ctx.kernel, ctx.actor, path.target.id), t)
  void sub.where(inner => { applyPath(inner, t, path.rest, node, ctx) })
  void q.whereExists(sub)
}

export function applyCondition (q: Knex.QueryBuilder, type: CompiledType, alias: string, node: ConditionNode, ctx: CompileContext): void {
  if (node.kind === 'group') {
    void q.where(group => {
      for (const child of node.children) {
        const apply = (inner: Knex.QueryBuilder) => { applyCondition(inner, type, alias, child, ctx) }
        if (node.conjunction === 'OR') void group.orWhere(apply)
        else void group.andWhere(apply)
      }
    })
    return
  }
  applyPath(q, alias, resolvePath(ctx.kernel, ctx.actor, type, node.path, node.parameter), node, ctx)
}
