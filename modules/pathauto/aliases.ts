// Alias storage: one current alias per item, older ones kept so that they redirect. Uniqueness
// is the table's unique index. Writers of one base path are serialised by a row per base in
// pathauto_alias_bases (locked until COMMIT), which also hands out the next suffix (-2, -3, …):
// concurrent saves of the same title queue on that row instead of racing on the unique index
// (where InnoDB answers several waiters on one uncommitted key with a deadlock).
import type { Knex } from 'knex'
import { nowDb } from '../../core/index.js'

export const ALIAS_TABLE = 'pathauto_aliases'
export const BASE_TABLE = 'pathauto_alias_bases'
const MAX_ATTEMPTS = 20

export interface AliasRow { path: string, type: string, item_id: string, current: boolean | number }

export async function currentAlias (knex: Knex, type: string, itemId: string): Promise<string | undefined> {
  const row = await knex(ALIAS_TABLE).where({ type, item_id: itemId, current: true }).first('path') as { path: string } | undefined
  return row?.path
}

export async function findAlias (knex: Knex, path: string): Promise<AliasRow | undefined> {
  return await knex(ALIAS_TABLE).where('path', path).first('path', 'type', 'item_id', 'current') as AliasRow | undefined
}

function isDuplicate (error: unknown): boolean {
  const code = (error as { code?: string }).code
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** 1 for `base` itself, N for `base-N`, undefined for anything else. */
function suffixOf (base: string, path: string): number | undefined {
  if (path === base) return 1
  if (!path.startsWith(base + '-')) return undefined
  const rest = path.slice(base.length + 1)
  return /^[1-9]\d{0,8}$/.test(rest) ? Number(rest) : undefined
}

const pathFor = (base: string, n: number) => n === 1 ? base : `${base}-${n}`

async function makeCurrent (trx: Knex.Transaction, type: string, itemId: string, path: string): Promise<void> {
  await trx(ALIAS_TABLE).where({ type, item_id: itemId, current: true }).whereNot('path', path).update({ current: false })
  await trx(ALIAS_TABLE).where({ type, item_id: itemId, path }).update({ current: true })
}

/** Locks the base's counter row until COMMIT and returns the next suffix to try. */
async function lockBase (trx: Knex.Transaction, base: string): Promise<number> {
  // First use of a base: start after the aliases that already exist for it.
  const existing = await trx(ALIAS_TABLE).where('path', base).orWhere('path', 'like', `${base}-%`).select('path') as Array<{ path: string }>
  const seed = Math.max(0, ...existing.map(r => suffixOf(base, r.path) ?? 0)) + 1
  // An upsert takes the row's exclusive lock at once (a plain duplicate insert would take a
  // shared lock first, and two waiters upgrading it deadlock).
  await trx(BASE_TABLE).insert({ base, next_suffix: seed }).onConflict('base').merge(['base'])
  const row = await trx(BASE_TABLE).where('base', base).forUpdate().first('next_suffix') as { next_suffix: number | string }
  return Math.max(Number(row.next_suffix), 1)
}

/** Stores `base` (or base-N) as the item's current alias; returns the path stored. */
export async function assignAlias (trx: Knex.Transaction, type: string, itemId: string, base: string): Promise<string> {
  // An alias of this item for the same base (its own -2, or one it had before) comes back.
  const own = await trx(ALIAS_TABLE).where({ type, item_id: itemId }).select('path') as Array<{ path: string }>
  const mine = own.map(r => ({ path: r.path, n: suffixOf(base, r.path) })).filter(r => r.n !== undefined).sort((a, b) => (a.n ?? 0) - (b.n ?? 0))[0]
  if (mine) {
    await makeCurrent(trx, type, itemId, mine.path)
    return mine.path
  }
  let n = await lockBase(trx, base)
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++, n++) {
    const path = pathFor(base, n)
    try {
      await trx(ALIAS_TABLE).insert({ path, type, item_id: itemId, current: false, created: nowDb() })
    } catch (error) {
      if (!isDuplicate(error)) throw error
      continue // taken by another base's alias (a title ending in "-2"): try the next suffix
    }
    await trx(BASE_TABLE).where('base', base).update({ next_suffix: n + 1 })
    await makeCurrent(trx, type, itemId, path)
    return path
  }
  throw new Error(`no free alias for ${base} after ${MAX_ATTEMPTS} attempts`)
}
