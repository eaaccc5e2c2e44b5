// JSON Schema of the resolved configuration; ajv checks it once at boot.
const int = (minimum: number, maximum = 2 ** 31 - 1) => ({ type: 'integer', minimum, maximum })
const str = { type: 'string' }
const obj = (properties: Record<string, unknown>) => ({
  type: 'object', additionalProperties: false, required: Object.keys(properties), properties
})

export const configSchema = obj({
  rootDir: { type: 'string', minLength: 1 },
  dataDir: { type: 'string', minLength: 1 },
  database: obj({
    url: { type: 'string', pattern: '^(sqlite:|mysql://)' },
    poolMin: int(0, 100),
    poolMax: int(1, 500),
    acquireTimeoutMs: int(100, 120000),
    connectTimeoutMs: int(100, 120000)
  }),
  server: obj({
    host: { type: 'string', minLength: 1 },
    port: int(0, 65535),
    bodyLimit: int(1024, 1024 ** 3),
    trustProxy: { type: 'boolean' },
    corsOrigins: { type: 'array', items: { type: 'string', pattern: '^https?://[^/]+$' } },
    cronIntervalMs: int(0),
    shutdownTimeoutMs: int(100, 60000),
    statementCounter: { type: 'boolean' }
  }),
  auth: obj({
    jwtSecret: { type: 'string', minLength: 32 },
    accessTokenTtl: int(10, 86400),
    refreshTokenTtl: int(60, 31536000),
    loginMaxAttempts: int(1, 10000),
    loginWindowMs: int(1000)
  }),
  admin: obj({ email: str, password: str }),
  log: obj({ level: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] } }),
  modules: {
    type: 'array',
    items: obj({
      name: { type: 'string', pattern: '^(@[a-z0-9-]+/)?[a-z][a-z0-9_-]{0,63}$' },
      options: { type: 'object' }
    })
  },
  contentApi: obj({ pageSize: int(1, 1000), maxIncludeDepth: int(0, 10), maxInValues: int(1, 10000) }),
  cache: obj({ enabled: { type: 'boolean' }, maxEntries: int(0), redisUrl: str }),
  metrics: obj({ enabled: { type: 'boolean' } }),
  demoContent: { type: 'boolean' }
})
