// What the seeding kernel and the CMS server processes share: the site configuration file, the
// administrator, the JWT secret and the environment variables that select the database.
import { join } from 'node:path'
import type { BenchOptions } from './options.js'

export const ADMIN_EMAIL = 'bench@example.com'
export const ADMIN_PASSWORD = 'bench-password-0123456789'
/** Development only: the bench database is throwaway and the server listens on 127.0.0.1. */
export const JWT_SECRET = 'bench-jwt-secret-not-for-production-0123456789'
export const SITE_CONFIG = 'bench/cms.config.ts'

export function dataDir (options: BenchOptions): string {
  return join(options.rootDir, 'bench', '.data')
}

/** The CMS_* variables both the seeding kernel and the served CMS run with. */
export function cmsEnv (options: BenchOptions, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CMS_CONFIG: SITE_CONFIG,
    CMS_DATABASE_URL: options.db,
    CMS_DATA_DIR: dataDir(options),
    CMS_PORT: String(options.port),
    CMS_HOST: '127.0.0.1',
    CMS_LOG_LEVEL: 'warn',
    CMS_DEMO_CONTENT: 'false',
    CMS_ADMIN_EMAIL: ADMIN_EMAIL,
    CMS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CMS_JWT_SECRET: JWT_SECRET,
    ...extra
  }
}
