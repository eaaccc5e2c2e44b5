// Compiled SQL reused across requests: knex builds and compiles a statement once per shape, and
// later requests run the same SQL with their own bindings on the same pool and driver (see
// db/direct-select.ts), skipping the query builder and compiler.
import type { Knex } from 'knex'
import { directSelect, type Row } from '../../db/direct-select.js'
import type { ShapeMemo } from '../query/shape-memo.js'

export type { Row }

export interface Statement { sql: string, bindings: readonly unknown[] }

export function compileStatement (builder: Knex.QueryBuilder): Statement {
  const { sql, bindings } = builder.toSQL()
  return { sql, bindings }
}

/** Runs a compiled SELECT; the rows, whichever the driver. */
export async function selectRows (knex: Knex, statement: Statement): Promise<Row[]> {
  return directSelect(knex, statement.sql, statement.bindings)
}

interface Shape { sql: string, rest: readonly unknown[] }

/**
 * A statement whose bindings start with `ids` (WHERE id IN …), compiled by `build` once per
 * `key` (which must name everything else the statement depends on, the number of ids included).
 * The compiled bindings are checked to start with the ids; otherwise nothing is memoised.
 */
export function idsStatement (memo: ShapeMemo<Shape>, key: string, ids: readonly string[], build: () => Knex.QueryBuilder): Statement {
  const shape = memo.get(key)
  if (shape) return { sql: shape.sql, bindings: [...ids, ...shape.rest] }
  const generation = memo.generation
  const statement = compileStatement(build())
  if (ids.every((id, i) => statement.bindings[i] === id)) memo.set(key, { sql: statement.sql, rest: statement.bindings.slice(ids.length) }, generation)
  return statement
}
