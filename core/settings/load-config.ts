// Resolves the site configuration: defaults, then cms.config.ts, then CMS_* environment variables,
// validated with ajv; an invalid value stops boot with an error naming the key.
import { existsSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Ajv } from 'ajv'
import { configSchema } from './config-schema.js'
import { ensureDevSecret } from './dev-secret.js'
import { importableSiteFile } from './site-files.js'
import type { CmsConfig, LogLevel, SiteConfig } from './config-types.js'

export class ConfigError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

function defaults (rootDir: string): CmsConfig {
  return {
    rootDir,
    dataDir: join(rootDir, 'data'),
    database: { url: '', poolMin: 0, poolMax: 10, acquireTimeoutMs: 5000, connectTimeoutMs: 5000 },
    server: { host: '127.0.0.1', port: 3000, bodyLimit: 1024 * 1024, trustProxy: false, corsOrigins: [], cronIntervalMs: 30000, shutdownTimeoutMs: 9000, statementCounter: true },
    auth: { jwtSecret: '', accessTokenTtl: 900, refreshTokenTtl: 30 * 86400, loginMaxAttempts: 5, loginWindowMs: 15 * 60000 },
    admin: { email: '', password: '' },
    log: { level: 'info' },
    modules: [],
    contentApi: { pageSize: 50, maxIncludeDepth: 3, maxInValues: 500 },
    cache: { enabled: true, maxEntries: 5000, redisUrl: '' },
    metrics: { enabled: false },
    demoContent: true
  }
}

type Env = Record<string, string | undefined>

/** Environment variable → [config path, parser]. The variable's name appears in errors. */
const envMap: Record<string, [string, (v: string) => unknown]> = {
  CMS_DATA_DIR: ['dataDir', v => v],
  CMS_DATABASE_URL: ['database.url', v => v],
  CMS_HOST: ['server.host', v => v],
  CMS_PORT: ['server.port', v => /^\d+$/.test(v) ? Number(v) : v],
  CMS_TRUST_PROXY: ['server.trustProxy', v => v === 'true' ? true : v === 'false' ? false : v],
  CMS_CORS_ORIGINS: ['server.corsOrigins', v => v.split(',').map(s => s.trim()).filter(Boolean)],
  CMS_STATEMENT_COUNTER: ['server.statementCounter', v => v === 'true' ? true : v === 'false' ? false : v],
  CMS_JWT_SECRET: ['auth.jwtSecret', v => v],
  CMS_ADMIN_EMAIL: ['admin.email', v => v],
  CMS_ADMIN_PASSWORD: ['admin.password', v => v],
  CMS_LOG_LEVEL: ['log.level', v => v as LogLevel],
  CMS_REDIS_URL: ['cache.redisUrl', v => v],
  CMS_METRICS: ['metrics.enabled', v => v === 'true' ? true : v === 'false' ? false : v],
  CMS_DEMO_CONTENT: ['demoContent', v => v === 'true' ? true : v === 'false' ? false : v]
}

function isPlainObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function merge (target: Record<string, unknown>, source: Record<string, unknown>, path = ''): void {
  for (const [key, value] of Object.entries(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new ConfigError(`Invalid configuration key: ${path}${key}`)
    if (value === undefined) continue
    const current = target[key]
    if (isPlainObject(value) && isPlainObject(current)) merge(current, value, `${path}${key}.`)
    else target[key] = value
  }
}

function setPath (target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  const last = keys.pop() as string
  let node = target
  for (const key of keys) node = node[key] as Record<string, unknown>
  node[last] = value
}

// validateSchema off: configSchema is ours (strict mode still checks it when it compiles), and
// checking it against the JSON Schema meta-schema would cost every start ~20 ms.
const ajv = new Ajv({ allErrors: true, coerceTypes: false, useDefaults: false, strict: true, validateSchema: false })
const validate = ajv.compile(configSchema)

/** Builds and validates the configuration. Pure apart from the development secret file. */
export function resolveConfig (site: SiteConfig, options: { rootDir: string, env?: Env }): CmsConfig {
  const env = options.env ?? process.env
  const config = defaults(options.rootDir)
  // Statement counts are a development aid: in production no client may switch the counting on.
  config.server.statementCounter = env.NODE_ENV !== 'production'
  const { modules, ...rest } = site
  merge(config as unknown as Record<string, unknown>, rest as Record<string, unknown>)
  config.modules = (modules ?? []).map(m => typeof m === 'string' ? { name: m, options: {} } : { name: m.name, options: m.options ?? {} })
  const origin: Record<string, string> = {}
  for (const [name, [path, parse]] of Object.entries(envMap)) {
    const raw = env[name]
    if (raw === undefined || raw === '') continue
    setPath(config as unknown as Record<string, unknown>, path, parse(raw))
    origin[path] = name
  }
  if (!isAbsolute(config.dataDir)) config.dataDir = resolve(options.rootDir, config.dataDir)
  if (config.database.url === '') config.database.url = `sqlite:${join(config.dataDir, 'cms.sqlite')}`
  if (config.auth.jwtSecret === '') {
    if (env.NODE_ENV === 'production') throw new ConfigError('Invalid configuration: auth.jwtSecret (CMS_JWT_SECRET) is required in production')
    config.auth.jwtSecret = ensureDevSecret(config.dataDir)
  }
  if (!validate(config)) {
    const messages = (validate.errors ?? []).map(e => {
      const unknown = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined
      const key = [...e.instancePath.split('/').slice(1), ...(unknown === undefined ? [] : [unknown])].join('.') || '(root)'
      const envPath = Object.keys(origin).find(path => key === path || key.startsWith(path + '.'))
      const fromEnv = envPath ? ` (from ${origin[envPath]})` : ''
      return `${key}${fromEnv}: ${unknown === undefined ? e.message ?? 'is invalid' : 'unknown key'}`
    })
    throw new ConfigError(`Invalid configuration: ${messages.join('; ')}`)
  }
  checkDatabaseUrl(config.database.url, origin['database.url'])
  return config
}

/** A mysql:// URL must parse and name a host and a database; the URL itself (a password) is never echoed. */
function checkDatabaseUrl (url: string, envName: string | undefined): void {
  if (!url.startsWith('mysql://')) return
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {}
  if (!parsed?.hostname || parsed.pathname.length < 2 || parsed.pathname.slice(1).includes('/')) {
    throw new ConfigError(`Invalid configuration: database.url${envName ? ` (from ${envName})` : ''}: must be mysql://user:password@host:port/database`)
  }
}

/** Loads cms.config.ts (or the file named by CMS_CONFIG; its build when core runs built) and resolves it. */
export async function loadConfig (rootDir: string, env: Env = process.env): Promise<CmsConfig> {
  const file = env.CMS_CONFIG ? resolve(rootDir, env.CMS_CONFIG) : join(rootDir, 'cms.config.ts')
  let site: SiteConfig = {}
  if (existsSync(file)) {
    const loaded = await import(pathToFileURL(importableSiteFile(rootDir, file)).href) as { default?: SiteConfig }
    if (!isPlainObject(loaded.default)) throw new ConfigError(`Invalid configuration: ${file} must export a default defineConfig({...})`)
    site = loaded.default
  } else if (env.CMS_CONFIG) {
    throw new ConfigError(`Invalid configuration: CMS_CONFIG names a missing file ${file}`)
  }
  return resolveConfig(site, { rootDir, env })
}
