// Enabling and disabling modules at runtime (CLI and admin API): recorded in cms_modules, applied
// at the next start; refused (409) while dependencies are missing or dependents or content remain.
import { CmsError } from '../errors/cms-error.js'
import type { Kernel } from './kernel.js'
import { loadModule, localModuleNames } from './load-modules.js'
import { setModuleState } from './module-state.js'
import { moduleUsage } from './module-usage.js'

export interface ModuleListing { name: string, version: string, enabled: boolean, dependsOn: string[], source: string }

/** Enabled modules in dependency order, then the local ones that are not enabled. */
export function listModules (kernel: Kernel): ModuleListing[] {
  const enabled = kernel.modules.map(m => ({
    name: m.definition.name, version: m.definition.version, enabled: true, dependsOn: m.definition.dependsOn ?? [], source: m.source
  }))
  const disabled = localModuleNames(kernel.config.rootDir)
    .filter(name => !enabled.some(m => m.name === name))
    .map(name => ({ name, version: '', enabled: false, dependsOn: [] as string[], source: `modules/${name}` }))
  return [...enabled, ...disabled]
}

/** Returns false when the module was already enabled. */
export async function enableModule (kernel: Kernel, name: string): Promise<boolean> {
  if (kernel.moduleNames.includes(name)) return false
  let module
  try {
    module = await loadModule({ name, options: {} }, kernel.config.rootDir)
  } catch (error) {
    throw new CmsError('NOT_FOUND', (error as Error).message)
  }
  const missing = (module.definition.dependsOn ?? []).filter(dep => !kernel.moduleNames.includes(dep))
  if (missing.length > 0) throw new CmsError('CONFLICT', `Cannot enable ${name}: it depends on ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not enabled`)
  await setModuleState(kernel.db.knex, name, module.definition.version, true)
  return true
}

export async function disableModule (kernel: Kernel, name: string): Promise<void> {
  const module = kernel.modules.find(m => m.definition.name === name)
  if (!module) throw new CmsError('NOT_FOUND', `Module ${name} is not enabled`)
  const problem = await moduleUsage(kernel, name)
  if (problem) throw new CmsError('CONFLICT', `Cannot disable ${name}: ${problem}`)
  await setModuleState(kernel.db.knex, name, module.definition.version, false)
}
