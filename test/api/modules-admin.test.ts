// /admin/api/modules: listing in dependency order, enabling and disabling (recorded for the next
// start), refusals for unknown modules, missing dependencies, dependents and existing content.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { bootIdentity } from './auth/helpers.js'
import { readModuleState } from '../../core/kernel/module-state.js'

eachDatabase(t, 'modules admin API', async (t, db) => {
  const { as, login, kernel, createUser } = await bootIdentity(t, db, { modules: ['blog', 'editorial', 'greeting'] })
  const admin = (await login()).accessToken
  const list = await as(admin, { method: 'GET', url: '/admin/api/modules' })
  t.equal(list.statusCode, 200)
  const rows = list.json<{ data: Array<{ name: string, enabled: boolean }> }>().data
  t.same(rows.filter(r => r.enabled).map(r => r.name), ['blog', 'editorial', 'greeting'])
  t.ok(rows.some(r => r.name === 'pathauto' && !r.enabled), 'local modules that are not enabled are listed too')

  await createUser(admin, { email: 'ed@example.test', password: 'editor password 1', roles: ['editor'] })
  const editor = (await login('ed@example.test', 'editor password 1')).accessToken
  t.equal((await as(editor, { method: 'GET', url: '/admin/api/modules' })).statusCode, 403, 'editors may not administer modules')

  t.equal((await as(admin, { method: 'POST', url: '/admin/api/modules/nope/enable' })).statusCode, 404)
  const enable = await as(admin, { method: 'POST', url: '/admin/api/modules/pathauto/enable' })
  t.equal(enable.statusCode, 200)
  t.same(enable.json<{ data: object }>().data, { name: 'pathauto', enabled: true, changed: true, restartRequired: true })
  t.equal((await readModuleState(kernel.db.knex)).get('pathauto')?.enabled, true, 'recorded for the next start')

  const disable = await as(admin, { method: 'POST', url: '/admin/api/modules/greeting/disable' })
  t.equal(disable.statusCode, 200)
  t.equal((await readModuleState(kernel.db.knex)).get('greeting')?.enabled, false)

  await as(admin, {
    method: 'POST',
    url: '/admin/api/content/tag',
    headers: { 'content-type': 'application/vnd.api+json' },
    payload: { data: { type: 'tag', attributes: { name: 'kept' } } }
  })
  const refused = await as(admin, { method: 'POST', url: '/admin/api/modules/blog/disable' })
  t.equal(refused.statusCode, 409, 'a module whose types hold content stays enabled')
  t.match(refused.json<{ errors: Array<{ detail: string }> }>().errors[0]?.detail, /content of its type/)
  t.equal((await readModuleState(kernel.db.knex)).get('blog')?.enabled, true)
})
