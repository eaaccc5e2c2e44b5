// The cms CLI as a real `node bin/cms.js` process: exit codes, stdout and stderr kept apart.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { spawnCli } from '../helpers/cli.js'
import { siteEnv } from '../helpers/site-root.js'
import { cliSiteRoot } from '../fixtures/site.js'

eachDatabase(t, 'a real `node bin/cms.js` process maps outcomes to exit codes', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  const none = await spawnCli([], env)
  t.equal(none.code, 2)
  t.match(none.stderr, /Usage: cms <command>/)
  const list = await spawnCli(['modules:list', '--json'], env)
  t.equal(list.code, 0, list.stderr)
  const rows = JSON.parse(list.stdout) as Array<{ name: string, enabled: boolean }>
  t.same(rows.filter(r => r.enabled).map(r => r.name), ['base', 'child', 'greeting'], 'stdout is clean JSON')
  const bad = await spawnCli(['serve'], { ...env, CMS_LOG_LEVEL: 'loud' })
  t.equal(bad.code, 1)
  t.match(bad.stderr, /log\.level \(from CMS_LOG_LEVEL\)/)
})
