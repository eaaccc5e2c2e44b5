// Alias storage: one current alias per item, older ones kept so that they redirect. Uniqueness
// is the table's unique index; on collision the next free suffix (-2, -3, …) is taken, which is
// also how two concurrent saves of the same title end up with two distinct aliases.
import type { Knex } from 'knex'
import { nowDb } from '../../core/index.js'

export const ALIAS_TABLE = 'pathauto_aliases'
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

/** Stores `base` (or base-N) as the item's current alias; returns the path stored. */
export async function assignAlias (trx: Knex.Transaction, type: string, itemId: string, base: string): Promise<string> {
  const taken = new Set((await trx(ALIAS_TABLE).where('path', base).orWhere('path', 'like', `${base}-%`).select('path') as Array<{ path: string }>).map(r => r.path))
  let suffix = 1
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let path = base
    while (taken.has(path)) path = `${base}-${++suffix}`
    try {
      await trx(ALIAS_TABLE).where({ type, item_id: itemId, current: true }).update({ current: false })
      await trx(ALIAS_TABLE).insert({ path, type, item_id: itemId, current: true, created: nowDb() })
      return path
    } catch (error) {
      if (!isDuplicate(error)) throw error
      taken.add(path) // a concurrent save took it first: try the next suffix
    }
  }
  throw new Error(`no free alias for ${base} after ${MAX_ATTEMPTS} attempts`)
}
