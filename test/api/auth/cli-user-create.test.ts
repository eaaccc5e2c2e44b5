// cms user:create: exit 0 on success (the user can log in with its roles), 2 for a wrong command
// line, 1 when the user cannot be created (duplicate email in any case, unknown role, weak password).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { main } from '../../../core/cli/main.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { ROOT_DIR, TEST_SECRET } from '../../helpers/boot.js'
import { ADMIN, bootIdentity } from './helpers.js'

eachDatabase(t, 'user:create exit codes', async (t, db) => {
  const config = join(db.dataDir, 'cli.config.mjs')
  writeFileSync(config, 'export default { modules: [], demoContent: false }\n')
  const env = {
    CMS_ROOT: ROOT_DIR,
    CMS_CONFIG: config,
    CMS_DATABASE_URL: db.url,
    CMS_DATA_DIR: db.dataDir,
    CMS_JWT_SECRET: TEST_SECRET,
    CMS_ADMIN_EMAIL: ADMIN.email,
    CMS_ADMIN_PASSWORD: ADMIN.password
  }
  const run = async (...args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await main(['user:create', ...args], { stdout: l => { out.push(l) }, stderr: l => { err.push(l) } }, env)
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  const password = 'editor password 1'

  t.equal((await run('--email', 'ed@example.test')).code, 2, 'missing --password')
  t.equal((await run('--password', password)).code, 2, 'missing --email')
  t.equal((await run('--email', 'ed@example.test', '--password', password, '--bogus')).code, 2, 'unknown option')
  t.equal((await run('--email', 'ed@example.test', '--password', password, 'extra')).code, 2, 'stray argument')

  const created = await run('--email', 'ed@example.test', '--password', password, '--role', 'editor', '--role', 'editor,administrator')
  t.equal(created.code, 0, created.err)
  t.match(created.out, /Created user ed@example\.test .*administrator, editor/)

  const duplicate = await run('--email', 'ED@Example.TEST', '--password', password)
  t.equal(duplicate.code, 1, 'duplicate email, any case')
  t.match(duplicate.err, /already exists/)
  const unknownRole = await run('--email', 'x@example.test', '--password', password, '--role', 'nope')
  t.equal(unknownRole.code, 1)
  t.match(unknownRole.err, /Unknown role "nope"/)
  t.equal((await run('--email', 'y@example.test', '--password', 'short')).code, 1, 'weak password')
  t.equal((await run('--email', 'not-an-email', '--password', password)).code, 1, 'invalid email')

  const { login, as } = await bootIdentity(t, db)
  const tokens = await login('ed@example.test', password)
  const me = await as(tokens.accessToken, { method: 'GET', url: '/admin/api/auth/me' })
  t.same(me.json<{ data: { roles: string[] } }>().data.roles, ['authenticated', 'administrator', 'editor'])
})
