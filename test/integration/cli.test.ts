// The cms CLI in-process: usage errors exit 2, failures 1 with a message on stderr, success 0.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { runCli } from '../helpers/cli.js'
import { siteEnv } from '../helpers/site-root.js'
import { cliSiteRoot } from '../fixtures/site.js'

eachDatabase(t, 'usage errors exit 2 with the reason on stderr', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  const none = await runCli([], env)
  t.equal(none.code, 2, 'no command')
  t.match(none.stderr, /^Usage: cms <command>/)
  t.match(none.stderr, /modules:enable <name>/)
  t.equal(none.stdout, '')

  const help = await runCli(['--help'], env)
  t.equal(help.code, 0)
  t.match(help.stdout, /^Usage: cms <command>/)

  const unknown = await runCli(['frobnicate'], env)
  t.equal(unknown.code, 2, 'unknown command')
  t.match(unknown.stderr, /Unknown command "frobnicate"/)
  t.match(unknown.stderr, /greeting:count/, 'the usage lists module commands')

  const badOption = await runCli(['modules:list', '--bogus'], env)
  t.equal(badOption.code, 2, 'unknown option')
  t.match(badOption.stderr, /--bogus/)

  const missingName = await runCli(['modules:enable'], env)
  t.equal(missingName.code, 2, 'modules:enable without a name')
  t.match(missingName.stderr, /cms modules:enable: Expected exactly one module name/)
  t.equal((await runCli(['modules:disable', 'a', 'b'], env)).code, 2, 'two names')
  t.equal((await runCli(['greeting:count', '--loud'], env)).code, 2, 'module commands parse strictly too')
})

eachDatabase(t, 'invalid configuration exits 1 naming the key', async (t, db) => {
  const result = await runCli(['migrate'], siteEnv(db, cliSiteRoot(t), { CMS_PORT: 'abc' }))
  t.equal(result.code, 1)
  t.match(result.stderr, /server\.port \(from CMS_PORT\)/)
  t.equal(result.stdout, '')
})

eachDatabase(t, 'a database that cannot be opened exits 1', async (t, db) => {
  // MySQL: a refused login; SQLite: a plain file where the database folder should be.
  writeFileSync(join(db.dataDir, 'not-a-folder'), '')
  const url = db.dialect === 'mysql' ? 'mysql://nobody:wrong@127.0.0.1:3306/cms_none' : `sqlite:${join(db.dataDir, 'not-a-folder', 'cms.sqlite')}`
  const result = await runCli(['migrate'], siteEnv(db, cliSiteRoot(t), { CMS_DATABASE_URL: url }))
  t.equal(result.code, 1)
  t.match(result.stderr, /^cms migrate: /)
  t.notMatch(result.stderr, /wrong/, 'the password is not echoed')
})

eachDatabase(t, 'migrate exits 0 and applies every migration', async (t, db) => {
  const env = siteEnv(db, cliSiteRoot(t))
  const result = await runCli(['migrate'], env)
  t.equal(result.code, 0, result.stderr)
  t.match(result.stdout, /Migrations are up to date/)
  const count = await runCli(['greeting:count'], env)
  t.same({ code: count.code, stdout: count.stdout }, { code: 0, stdout: '0' }, 'the greeting module table exists')
})
