// Finds module definitions: fixtures passed at boot, then modules/<name>/index.ts (its build when
// core runs built), then npm packages; validates each definition (name, version, core range, options).
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Ajv } from 'ajv'
import semver from 'semver'
import type { ModuleEntry } from '../settings/config-types.js'
import { importableSiteFile } from '../settings/site-files.js'
import { CORE_VERSION } from './core-version.js'
import type { ModuleDefinition } from './module-types.js'

export class ModuleLoadError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'ModuleLoadError'
  }
}

export interface LoadedModule {
  definition: ModuleDefinition
  options: Record<string, unknown>
  source: string
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: false, strict: false })

/** Names of the modules shipped in modules/ (whether enabled or not). */
export function localModuleNames (rootDir: string): string[] {
  const dir = join(rootDir, 'modules')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter(d => d.isDirectory() && existsSync(join(dir, d.name, 'index.ts')))
    .map(d => d.name)
    .sort()
}

async function importDefinition (name: string, rootDir: string, sources: Record<string, ModuleDefinition>): Promise<[ModuleDefinition, string]> {
  const fixture = sources[name]
  if (fixture) return [fixture, 'inline']
  const local = join(rootDir, 'modules', name, 'index.ts')
  let url: string
  let source: string
  if (existsSync(local)) {
    url = pathToFileURL(importableSiteFile(rootDir, local)).href
    source = `modules/${name}`
  } else {
    try {
      url = pathToFileURL(createRequire(join(rootDir, 'package.json')).resolve(name)).href
      source = `npm:${name}`
    } catch {
      throw new ModuleLoadError(`Module "${name}" not found: no modules/${name}/index.ts and no npm package ${name}`)
    }
  }
  const loaded = await import(url) as { default?: ModuleDefinition }
  if (!loaded.default || typeof loaded.default.register !== 'function') {
    throw new ModuleLoadError(`Module "${name}" (${source}) must export default defineModule({...})`)
  }
  return [loaded.default, source]
}

export async function loadModule (entry: ModuleEntry, rootDir: string, sources: Record<string, ModuleDefinition> = {}): Promise<LoadedModule> {
  const [definition, source] = await importDefinition(entry.name, rootDir, sources)
  const { name } = entry
  if (definition.name !== name) throw new ModuleLoadError(`Module "${name}" (${source}) declares the name "${definition.name}"`)
  if (!semver.valid(definition.version)) throw new ModuleLoadError(`Module "${name}" has an invalid version "${definition.version}"`)
  if (!semver.validRange(definition.core) || !semver.satisfies(CORE_VERSION, definition.core)) {
    throw new ModuleLoadError(`Module "${name}" supports core ${definition.core}, but this is core ${CORE_VERSION}`)
  }
  const options = structuredClone(entry.options ?? {})
  if (definition.options) {
    const validate = ajv.compile(definition.options)
    if (!validate(options)) {
      const details = (validate.errors ?? []).map(e => `${e.instancePath || '(options)'} ${e.message ?? 'is invalid'}`).join('; ')
      throw new ModuleLoadError(`Module "${name}" has invalid options: ${details}`)
    }
  }
  return { definition: definition as ModuleDefinition, options, source }
}
