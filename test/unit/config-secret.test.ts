// The development JWT secret (generated into data/, mode 0600, reused), production rules, loadConfig.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { ConfigError, loadConfig, resolveConfig } from '../../core/settings/load-config.js'

function tempRoot (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'cms-secret-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  return dir
}

t.test('without CMS_JWT_SECRET development generates one into the data dir, mode 0600', async t => {
  const root = tempRoot(t)
  const dataDir = join(root, 'state')
  const first = resolveConfig({ dataDir }, { rootDir: root, env: {} })
  const file = join(dataDir, 'jwt-secret')
  t.ok(existsSync(file), 'written to data dir')
  t.equal(statSync(file).mode & 0o777, 0o600)
  t.ok(first.auth.jwtSecret.length >= 32)
  t.equal(readFileSync(file, 'utf8').trim(), first.auth.jwtSecret)

  const second = resolveConfig({ dataDir }, { rootDir: root, env: {} })
  t.equal(second.auth.jwtSecret, first.auth.jwtSecret, 'reused on the next start')

  const other = resolveConfig({}, { rootDir: tempRoot(t), env: {} })
  t.not(other.auth.jwtSecret, first.auth.jwtSecret, 'random per installation')
})

t.test('a too-short secret file is replaced', async t => {
  const root = tempRoot(t)
  resolveConfig({}, { rootDir: root, env: {} })
  writeFileSync(join(root, 'data', 'jwt-secret'), 'tiny\n')
  const config = resolveConfig({}, { rootDir: root, env: {} })
  t.ok(config.auth.jwtSecret.length >= 32)
  t.not(config.auth.jwtSecret, 'tiny')
})

t.test('an explicit secret writes no file', async t => {
  const root = tempRoot(t)
  const secret = 's'.repeat(48)
  t.equal(resolveConfig({}, { rootDir: root, env: { CMS_JWT_SECRET: secret } }).auth.jwtSecret, secret)
  t.notOk(existsSync(join(root, 'data', 'jwt-secret')))
})

t.test('production without a secret stops with an error naming the key and variable', async t => {
  const root = tempRoot(t)
  const error = t.throws(() => resolveConfig({}, { rootDir: root, env: { NODE_ENV: 'production' } }))
  t.type(error, ConfigError)
  t.match((error as Error).message, /auth\.jwtSecret.*CMS_JWT_SECRET/)
  t.notOk(existsSync(join(root, 'data', 'jwt-secret')), 'no secret generated in production')
  const config = resolveConfig({}, { rootDir: root, env: { NODE_ENV: 'production', CMS_JWT_SECRET: 'p'.repeat(32) } })
  t.equal(config.auth.jwtSecret, 'p'.repeat(32))
})

t.test('loadConfig reads cms.config.ts from the root, or the file CMS_CONFIG names', async t => {
  const root = tempRoot(t)
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n')
  writeFileSync(join(root, 'cms.config.ts'), "export default { server: { port: 4321 }, modules: ['greeting'] }\n")
  writeFileSync(join(root, 'staging.config.ts'), 'export default { server: { port: 4322 } }\n')
  writeFileSync(join(root, 'broken.config.ts'), 'export default 42\n')
  const env = { CMS_JWT_SECRET: 'k'.repeat(32) }

  const config = await loadConfig(root, env)
  t.equal(config.server.port, 4321)
  t.same(config.modules, [{ name: 'greeting', options: {} }])
  t.equal((await loadConfig(root, { ...env, CMS_CONFIG: 'staging.config.ts' })).server.port, 4322)
  t.equal((await loadConfig(root, { ...env, CMS_CONFIG: 'staging.config.ts', CMS_PORT: '4323' })).server.port, 4323)
  await t.rejects(loadConfig(root, { ...env, CMS_CONFIG: 'missing.config.ts' }), { name: 'ConfigError', message: /CMS_CONFIG.*missing\.config\.ts/ })
  await t.rejects(loadConfig(root, { ...env, CMS_CONFIG: 'broken.config.ts' }), { name: 'ConfigError', message: /must export a default/ })
})

t.test('without any cms.config.ts the defaults apply', async t => {
  const root = tempRoot(t)
  const config = await loadConfig(root, { CMS_JWT_SECRET: 'k'.repeat(32) })
  t.equal(config.server.port, 3000)
  t.same(config.modules, [])
})
