// The shape of the site configuration: what cms.config.ts may set and what the kernel receives.
import type { ModuleDefinition } from '../kernel/module-types.js'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface ModuleEntry { name: string, options?: Record<string, unknown> }

export interface CmsConfig {
  /** Folder holding cms.config.ts, modules/ and config/. */
  rootDir: string
  /** Where the SQLite file and the generated development secret live. */
  dataDir: string
  database: {
    url: string
    poolMin: number
    poolMax: number
    acquireTimeoutMs: number
    connectTimeoutMs: number
  }
  server: {
    host: string
    port: number
    bodyLimit: number
    trustProxy: boolean
    corsOrigins: string[]
    cronIntervalMs: number
    shutdownTimeoutMs: number
    /** Count SQL statements per request (X-Sql-Statements); costs every request an async scope. */
    statementCounter: boolean
  }
  auth: {
    jwtSecret: string
    accessTokenTtl: number
    refreshTokenTtl: number
    loginMaxAttempts: number
    loginWindowMs: number
  }
  admin: { email: string, password: string }
  log: { level: LogLevel }
  modules: ModuleEntry[]
  contentApi: { pageSize: number, maxIncludeDepth: number, maxInValues: number }
  cache: { enabled: boolean, maxEntries: number, redisUrl: string }
  metrics: { enabled: boolean }
  demoContent: boolean
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<infer U> ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] }

/** What a site writes in cms.config.ts: any subset, modules by name or with options. */
export type SiteConfig = Omit<DeepPartial<CmsConfig>, 'modules'> & {
  modules?: Array<string | ModuleEntry>
}

/** Inputs the kernel accepts besides the configuration (tests pass fixture modules here). */
export interface BootOptions {
  /** Module definitions by name, consulted before modules/<name>/ and npm packages. */
  moduleSources?: Record<string, ModuleDefinition>
}

export function defineConfig (config: SiteConfig): SiteConfig {
  return config
}
