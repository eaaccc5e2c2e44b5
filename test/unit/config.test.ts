// resolveConfig: defaults, site values, CMS_* overrides, and errors that name the key and variable.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { ConfigError, resolveConfig } from '../../core/settings/load-config.js'
import type { SiteConfig } from '../../core/settings/config-types.js'

const SECRET = 'x'.repeat(40)

function tempRoot (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'cms-config-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  return dir
}

t.test('defaults', async t => {
  const root = tempRoot(t)
  const config = resolveConfig({}, { rootDir: root, env: { CMS_JWT_SECRET: SECRET } })
  t.equal(config.rootDir, root)
  t.equal(config.dataDir, join(root, 'data'))
  t.equal(config.database.url, `sqlite:${join(root, 'data', 'cms.sqlite')}`)
  t.match(config.server, { host: '127.0.0.1', port: 3000, bodyLimit: 1024 * 1024, trustProxy: false })
  t.equal(config.log.level, 'info')
  t.same(config.modules, [])
  t.equal(config.contentApi.pageSize, 50)
  t.equal(config.metrics.enabled, false)
})

t.test('site values merge into the defaults; modules are normalised', async t => {
  const site: SiteConfig = { server: { port: 4000 }, modules: ['greeting', { name: 'blog', options: { perPage: 5 } }] }
  const config = resolveConfig(site, { rootDir: tempRoot(t), env: { CMS_JWT_SECRET: SECRET } })
  t.equal(config.server.port, 4000)
  t.equal(config.server.host, '127.0.0.1', 'siblings keep their defaults')
  t.same(config.modules, [{ name: 'greeting', options: {} }, { name: 'blog', options: { perPage: 5 } }])
})

t.test('environment variables override the site configuration', async t => {
  const root = tempRoot(t)
  const config = resolveConfig({ server: { port: 4000, host: 'site.example' }, log: { level: 'error' } }, {
    rootDir: root,
    env: {
      CMS_JWT_SECRET: SECRET,
      CMS_PORT: '5000',
      CMS_HOST: '0.0.0.0',
      CMS_LOG_LEVEL: 'debug',
      CMS_DATA_DIR: 'var/state',
      CMS_CORS_ORIGINS: 'https://a.example, https://b.example',
      CMS_TRUST_PROXY: 'true',
      CMS_METRICS: 'true',
      CMS_ADMIN_EMAIL: ''
    }
  })
  t.equal(config.server.port, 5000)
  t.equal(config.server.host, '0.0.0.0')
  t.equal(config.log.level, 'debug')
  t.equal(config.dataDir, join(root, 'var', 'state'), 'a relative data dir is resolved against the root')
  t.equal(config.database.url, `sqlite:${join(root, 'var', 'state', 'cms.sqlite')}`)
  t.same(config.server.corsOrigins, ['https://a.example', 'https://b.example'])
  t.equal(config.server.trustProxy, true)
  t.equal(config.metrics.enabled, true)
  t.equal(config.admin.email, '', 'an empty variable is ignored')
  t.equal(config.auth.jwtSecret, SECRET)

  const mysql = resolveConfig({}, { rootDir: root, env: { CMS_JWT_SECRET: SECRET, CMS_DATABASE_URL: 'mysql://cms:pw@db.internal:3307/site' } })
  t.equal(mysql.database.url, 'mysql://cms:pw@db.internal:3307/site')
})

const invalid: Array<[string, SiteConfig, Record<string, string>, RegExp]> = [
  ['non-numeric port', {}, { CMS_PORT: 'abc' }, /server\.port \(from CMS_PORT\)/],
  ['port out of range', {}, { CMS_PORT: '70000' }, /server\.port \(from CMS_PORT\): must be <= 65535/],
  ['port of the wrong type in the site file', { server: { port: '80' as unknown as number } }, {}, /server\.port: must be integer/],
  ['unknown log level', {}, { CMS_LOG_LEVEL: 'loud' }, /log\.level \(from CMS_LOG_LEVEL\)/],
  ['unknown nested key', { server: { prot: 1 } } as SiteConfig, {}, /server\.prot: unknown key/],
  ['unknown top-level key', { colour: 'red' } as SiteConfig, {}, /colour: unknown key/],
  ['unsupported database', {}, { CMS_DATABASE_URL: 'postgres://db/cms' }, /database\.url \(from CMS_DATABASE_URL\)/],
  ['MySQL URL without a database', {}, { CMS_DATABASE_URL: 'mysql://root:hunter2pw@localhost' }, /database\.url \(from CMS_DATABASE_URL\): must be mysql:\/\//],
  ['unparseable MySQL URL', {}, { CMS_DATABASE_URL: 'mysql://root@localhost:99999/cms' }, /database\.url \(from CMS_DATABASE_URL\)/],
  ['short secret', {}, { CMS_JWT_SECRET: 'short' }, /auth\.jwtSecret \(from CMS_JWT_SECRET\)/],
  ['bad CORS origin', {}, { CMS_CORS_ORIGINS: 'not a url' }, /server\.corsOrigins\.0 \(from CMS_CORS_ORIGINS\)/],
  ['bad boolean', {}, { CMS_TRUST_PROXY: 'yes' }, /server\.trustProxy \(from CMS_TRUST_PROXY\): must be boolean/],
  ['bad module name', { modules: ['Bad Name!'] }, {}, /modules\.0\.name/]
]

for (const [label, site, env, message] of invalid) {
  t.test(`invalid: ${label}`, async t => {
    const error = t.throws(() => resolveConfig(site, { rootDir: tempRoot(t), env: { CMS_JWT_SECRET: SECRET, ...env } }))
    t.type(error, ConfigError)
    t.match((error as Error).message, message)
    t.notMatch((error as Error).message, /hunter2pw/, 'never echoes a password')
  })
}

t.test('prototype keys in the site configuration are refused', async t => {
  const site = JSON.parse('{ "server": { "__proto__": { "polluted": true } } }') as SiteConfig
  t.throws(() => resolveConfig(site, { rootDir: tempRoot(t), env: { CMS_JWT_SECRET: SECRET } }), { name: 'ConfigError', message: /server\.__proto__/ })
  t.equal(({} as Record<string, unknown>).polluted, undefined)
})
