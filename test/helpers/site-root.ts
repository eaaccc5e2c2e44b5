// A throwaway site root (package.json, cms.config.ts, modules/<name>/index.ts) for running the CLI
// or a server process against fixture modules: point CMS_ROOT at it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Test } from 'tap'
import { ROOT_DIR, TEST_SECRET } from './boot.js'
import type { TestDatabase } from './databases.js'

/** The file URL of core's public API, for module sources written into the site root. */
export const CORE_URL = pathToFileURL(join(ROOT_DIR, 'core', 'index.ts')).href

/** Module source re-exporting one of the repository's modules. */
export function repoModule (name: string): string {
  return `export { default } from '${pathToFileURL(join(ROOT_DIR, 'modules', name, 'index.ts')).href}'\n`
}

/** Module source of a minimal module with dependencies and an optional register() body. */
export function fixtureModule (name: string, dependsOn: string[] = [], registerBody = ''): string {
  return [
    `import { defineModule } from '${CORE_URL}'`,
    `export default defineModule({ name: '${name}', version: '1.0.0', core: '^0.1.0', dependsOn: ${JSON.stringify(dependsOn)},`,
    `  register (ctx) { ${registerBody} } })`,
    ''
  ].join('\n')
}

export interface SiteRootSpec {
  /** Modules enabled in cms.config.ts. */
  enabled: string[]
  /** modules/<name>/index.ts sources. */
  modules: Record<string, string>
}

export function createSiteRoot (t: Test, spec: SiteRootSpec): string {
  const root = mkdtempSync(join(tmpdir(), 'cms-site-'))
  t.teardown(() => { rmSync(root, { recursive: true, force: true }) })
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n')
  writeFileSync(join(root, 'cms.config.ts'), `export default { modules: ${JSON.stringify(spec.enabled)} }\n`)
  for (const [name, source] of Object.entries(spec.modules)) {
    mkdirSync(join(root, 'modules', name), { recursive: true })
    writeFileSync(join(root, 'modules', name, 'index.ts'), source)
  }
  return root
}

/** The environment a CLI run or server process gets: this database, this root, quiet logs. */
export function siteEnv (db: TestDatabase, root: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CMS_ROOT: root,
    CMS_DATABASE_URL: db.url,
    CMS_DATA_DIR: db.dataDir,
    CMS_JWT_SECRET: TEST_SECRET,
    CMS_LOG_LEVEL: 'silent',
    CMS_DEMO_CONTENT: 'false',
    ...extra
  }
}

/** process.env without CMS_* settings or loader flags of the test runner, plus `env`. */
export function childEnv (env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CMS_') && key !== 'NODE_OPTIONS'))
  return { ...base, ...env }
}
