// Boots a kernel (and optionally its fastify app) against a test database, quietly.
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { resolveConfig } from '../../core/settings/load-config.js'
import type { CmsConfig, SiteConfig } from '../../core/settings/config-types.js'
import { bootKernel } from '../../core/kernel/boot.js'
import type { Kernel } from '../../core/kernel/kernel.js'
import type { ModuleDefinition } from '../../core/kernel/module-types.js'
import { buildApp } from '../../core/http/app.js'
import { createLogger, type Logger } from '../../core/kernel/logger.js'
import type { TestDatabase } from './databases.js'

export const ROOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789'

export interface TestBootOptions {
  site?: SiteConfig
  moduleSources?: Record<string, ModuleDefinition>
  rootDir?: string
  /** Defaults to a logger at the configured level (silent) writing to stdout. */
  logger?: Logger
}

export function testConfig (db: TestDatabase, options: TestBootOptions = {}): CmsConfig {
  const site: SiteConfig = {
    ...options.site,
    dataDir: db.dataDir,
    database: { url: db.url, ...options.site?.database },
    auth: { jwtSecret: TEST_SECRET, ...options.site?.auth },
    log: { level: 'silent', ...options.site?.log },
    demoContent: options.site?.demoContent ?? false
  }
  return resolveConfig(site, { rootDir: options.rootDir ?? ROOT_DIR, env: {} })
}

export async function bootTestKernel (t: Test, db: TestDatabase, options: TestBootOptions = {}): Promise<Kernel> {
  const config = testConfig(db, options)
  const kernel = await bootKernel(config, { logger: options.logger ?? createLogger(config.log.level), moduleSources: options.moduleSources ?? {} })
  t.teardown(() => kernel.close())
  return kernel
}

export async function bootTestApp (t: Test, db: TestDatabase, options: TestBootOptions = {}): Promise<{ kernel: Kernel, app: FastifyInstance }> {
  const kernel = await bootTestKernel(t, db, options)
  const app = await buildApp(kernel)
  t.teardown(() => app.close())
  return { kernel, app }
}
