// cms modules:list|enable|disable and hooks:list: dependency order, runtime state, refusals.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { runCli } from '../helpers/cli.js'
import { siteEnv } from '../helpers/site-root.js'
import { cliSiteRoot } from '../fixtures/site.js'

/** modules:list as [state, name] pairs, in printed order. */
async function listed (env: Record<string, string>): Promise<string[]> {
  const result = await runCli(['modules:list'], env)
  if (result.code !== 0) throw new Error(`modules:list failed: ${result.stderr}`)
  return result.stdout.split('\n').map(line => line.replace(/@\S+/, '').replace(/\s*\(.*\)$/, '').replace(/\s+/, ' '))
}

eachDatabase(t, 'modules:list shows enabled modules in dependency order, then the available ones', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  t.same(await listed(env), ['enabled base', 'enabled child', 'enabled greeting', 'disabled extra', 'disabled needy'])
  const text = (await runCli(['modules:list'], env)).stdout
  t.match(text, /enabled\s+child@1\.0\.0 \(depends on base\)/)
  t.match(text, /enabled\s+greeting@1\.0\.0/)
})

eachDatabase(t, 'hooks:list prints each hook with its handlers in resolved order', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  const result = await runCli(['hooks:list'], env)
  t.equal(result.code, 0, result.stderr)
  const line = result.stdout.split('\n').find(l => l.startsWith('kernel.ready: '))
  const modules = line?.slice('kernel.ready: '.length).split(' → ') ?? []
  t.ok(modules.includes('base') && modules.includes('child'), `both handlers listed: ${line ?? '(none)'}`)
  t.ok(modules.indexOf('child') < modules.indexOf('base'), 'child asked to run first, ahead of its dependency')
  t.match(result.stdout, /^greeting\.greeted: greeting$/m)
  const json = await runCli(['hooks:list', '--json'], env)
  const parsed = JSON.parse(json.stdout) as Record<string, string[]>
  t.same(parsed['greeting.greeted'], ['greeting'])
  t.same(parsed['kernel.ready']?.filter(m => m === 'base' || m === 'child'), ['child', 'base'])
})

eachDatabase(t, 'modules:disable and modules:enable change what boots next', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  const disabled = await runCli(['modules:disable', 'greeting'], env)
  t.equal(disabled.code, 0, disabled.stderr)
  t.match(disabled.stdout, /Disabled greeting/)
  t.same(await listed(env), ['enabled base', 'enabled child', 'disabled extra', 'disabled greeting', 'disabled needy'])
  t.equal((await runCli(['greeting:count'], env)).code, 2, 'its command is gone with it')

  t.equal((await runCli(['modules:enable', 'greeting'], env)).code, 0)
  t.equal((await runCli(['modules:enable', 'extra'], env)).code, 0)
  t.same(await listed(env), ['enabled base', 'enabled child', 'enabled greeting', 'enabled extra', 'disabled needy'])
  const again = await runCli(['modules:enable', 'extra'], env)
  t.same([again.code, again.stdout], [0, 'Module extra is already enabled.'])
})

eachDatabase(t, 'refusals exit 1 with the reason on stderr', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  const needy = await runCli(['modules:enable', 'needy'], env)
  t.equal(needy.code, 1)
  t.match(needy.stderr, /Cannot enable needy: it depends on absent, which is not enabled/)
  const base = await runCli(['modules:disable', 'base'], env)
  t.equal(base.code, 1)
  t.match(base.stderr, /Cannot disable base: child depends on it/)
  const notEnabled = await runCli(['modules:disable', 'extra'], env)
  t.equal(notEnabled.code, 1)
  t.match(notEnabled.stderr, /Module extra is not enabled/)
  const missing = await runCli(['modules:enable', 'no-such-module'], env)
  t.equal(missing.code, 1)
  t.match(missing.stderr, /"no-such-module" not found/)
  t.same(await listed(env), ['enabled base', 'enabled child', 'enabled greeting', 'disabled extra', 'disabled needy'], 'nothing changed')
})
