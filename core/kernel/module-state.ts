// Which modules are enabled, as recorded in cms_modules: runtime enable/disable overrides the
// list in cms.config.ts and survives restarts.
import type { Knex } from 'knex'
import type { ModuleEntry } from '../settings/config-types.js'
import { nowDb } from '../db/dates.js'

export interface ModuleStateRow { name: string, version: string, enabled: boolean }

export async function readModuleState (knex: Knex): Promise<Map<string, ModuleStateRow>> {
  const rows = await knex('cms_modules').select('name', 'version', 'enabled') as Array<{ name: string, version: string, enabled: number | boolean }>
  return new Map(rows.map(r => [r.name, { name: r.name, version: r.version, enabled: Boolean(r.enabled) }]))
}

/** The configured modules, minus those disabled at runtime, plus those enabled at runtime. */
export function effectiveModules (configured: readonly ModuleEntry[], state: ReadonlyMap<string, ModuleStateRow>): ModuleEntry[] {
  const result = configured.filter(entry => state.get(entry.name)?.enabled !== false)
  for (const row of state.values()) {
    if (row.enabled && !result.some(e => e.name === row.name)) result.push({ name: row.name, options: {} })
  }
  return result
}

export async function setModuleState (knex: Knex, name: string, version: string, enabled: boolean): Promise<void> {
  const row = { name, version, enabled, changed_at: nowDb() }
  await knex('cms_modules').insert(row).onConflict('name').merge(['version', 'enabled', 'changed_at'])
}
