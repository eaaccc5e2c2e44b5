// Keyset (cursor) paging: the cursor carries the last row's sort values; the next page starts
// strictly after them, so inserts never shift a page and depth costs nothing.
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import { CmsError } from '../../errors/cms-error.js'
import type { CompiledSortKey } from './compile-sort.js'

function signature (keys: readonly CompiledSortKey[]): string {
  return createHash('sha1').update(keys.map(k => `${k.column}:${k.direction}`).join(',')).digest('base64url').slice(0, 8)
}

export function encodeCursor (keys: readonly CompiledSortKey[], row: Record<string, unknown>): string {
  const values = keys.map((_, i) => row[`__s${i}`])
  return Buffer.from(JSON.stringify({ s: signature(keys), v: values })).toString('base64url')
}

function invalid (detail: string): CmsError {
  return new CmsError('INVALID_QUERY', detail, { source: { parameter: 'page[cursor]' } })
}

export function decodeCursor (keys: readonly CompiledSortKey[], cursor: string): unknown[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid('The cursor is not valid')
  }
  const { s, v } = (parsed ?? {}) as { s?: unknown, v?: unknown }
  if (s !== signature(keys)) throw invalid('The cursor belongs to another sort order')
  if (!Array.isArray(v) || v.length !== keys.length || v.some(x => x !== null && !['string', 'number', 'boolean'].includes(typeof x))) {
    throw invalid('The cursor is not valid')
  }
  return v
}

/** Selects the sort values (for the next cursor) and, when given, starts after `after`. */
export function applyKeyset (q: Knex.QueryBuilder, keys: readonly CompiledSortKey[], after: unknown[] | null): void {
  const nullable = keys.find(k => k.nullable)
  if (nullable) throw invalid(`Cursor paging needs sort keys that are always set; ${nullable.column.split('.')[1] ?? ''} may be empty`)
  keys.forEach((key, i) => { void q.select(`${key.column} as __s${i}`) })
  if (!after) return
  // A redundant bound on the first key lets the database range-scan its index.
  const first = keys[0] as CompiledSortKey
  void q.where(first.column, first.direction === 'asc' ? '>=' : '<=', after[0] as string)
  void q.where(outer => {
    keys.forEach((key, i) => {
      void outer.orWhere(inner => {
        for (let j = 0; j < i; j++) void inner.where((keys[j] as CompiledSortKey).column, after[j] as string)
        void inner.where(key.column, key.direction === 'asc' ? '>' : '<', after[i] as string)
      })
    })
  })
}
