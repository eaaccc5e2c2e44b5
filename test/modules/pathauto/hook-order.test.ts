// Hook order across blog, editorial and pathauto: hooks:list shows pathauto on content.insert/update in dependency order, and a module declaring before: ['pathauto'] runs before it.
import t from 'tap'
import { main } from '../../../core/cli/main.js'
import { defineModule, type ContentEvent, type ModuleDefinition } from '../../../core/index.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { createSiteRoot, fixtureModule, repoModule, siteEnv } from '../../helpers/site-root.js'
import { bootIdentity } from '../../api/auth/helpers.js'

const THREE = ['blog', 'editorial', 'pathauto']

/** Which fixture handlers ran, and whether the item already had its alias at that moment. */
const seen: Array<{ module: string, hook: string, aliasPresent: boolean }> = []

function observer (name: string, options: { before?: string[] } = {}): ModuleDefinition {
  return defineModule({
    name,
    version: '1.0.0',
    core: '^0.1.0',
    dependsOn: ['pathauto'],
    register (ctx) {
      const record = (hook: string) => async (event: ContentEvent) => {
        if (event.type.id !== 'article') return
        const alias = await event.uow.trx('pathauto_aliases').where('item_id', event.item.id).first('path') as unknown
        seen.push({ module: name, hook, aliasPresent: alias !== undefined })
      }
      ctx.hooks.on('content.insert', record('content.insert'), options)
      ctx.hooks.on('content.update', record('content.update'), options)
    }
  })
}

eachDatabase(t, 'the resolved order of the three modules and fixtures, listed and observed', async (t, db) => {
  const plain = await bootIdentity(t, db, { modules: THREE })
  const plainList = plain.kernel.hooks.list()
  t.same(plainList['content.insert'], ['pathauto'], 'content.insert: pathauto handles it (blog and editorial add no handler)')
  t.same(plainList['content.update'], ['pathauto'], 'content.update: pathauto')
  t.same(plainList['content.delete'], ['pathauto'], 'content.delete: pathauto removes aliases')
  await plain.kernel.close()

  // "late" depends on pathauto (so runs after it); "early" too, but declares before: ['pathauto'].
  const site = await bootIdentity(t, db, { modules: [...THREE, 'late', 'early'] }, { late: observer('late'), early: observer('early', { before: ['pathauto'] }) })
  const list = site.kernel.hooks.list()
  const insert = list['content.insert'] ?? []
  t.ok(insert.indexOf('early') >= 0 && insert.indexOf('early') < insert.indexOf('pathauto'), `early (before: pathauto) runs before pathauto (${insert.join(' → ')})`)
  t.same(list['content.update'], insert, 'content.update resolves the same way')
  t.same(insert, ['early', 'pathauto', 'late'], 'late, depending on pathauto, still runs after it')

  const token = (await site.login()).accessToken
  seen.length = 0
  const created = await site.as(token, { method: 'POST', url: '/admin/api/content/article', headers: { 'content-type': 'application/vnd.api+json' }, payload: JSON.stringify({ data: { type: 'article', attributes: { title: 'Observed' } } }) })
  t.equal(created.statusCode, 201, 'an article is saved')
  t.same(seen.find(s => s.module === 'early'), { module: 'early', hook: 'content.insert', aliasPresent: false }, 'early ran inside the save, before pathauto wrote the alias')
})

eachDatabase(t, 'dependency order alone puts a dependent module after pathauto', async (t, db) => {
  const site = await bootIdentity(t, db, { modules: ['late', ...THREE] }, { late: observer('late') })
  const insert = site.kernel.hooks.list()['content.insert']
  t.same(insert, ['pathauto', 'late'], 'late is configured first but depends on pathauto: pathauto → late')
  const token = (await site.login()).accessToken
  seen.length = 0
  await site.as(token, { method: 'POST', url: '/admin/api/content/article', headers: { 'content-type': 'application/vnd.api+json' }, payload: JSON.stringify({ data: { type: 'article', attributes: { title: 'Observed late' } } }) })
  t.same(seen, [{ module: 'late', hook: 'content.insert', aliasPresent: true }], 'late ran after pathauto wrote the alias')
})

eachDatabase(t, 'cms hooks:list shows the resolved order', async (t, db) => {
  const modules = {
    ...Object.fromEntries(THREE.map(m => [m, repoModule(m)])),
    early: fixtureModule('early', ['pathauto'], "ctx.hooks.on('content.insert', async () => {}, { before: ['pathauto'] }); ctx.hooks.on('content.update', async () => {}, { before: ['pathauto'] })")
  }
  const root = createSiteRoot(t, { enabled: [...THREE, 'early'], modules })
  const out: string[] = []
  const err: string[] = []
  const io = { stdout: (line: string) => { out.push(line) }, stderr: (line: string) => { err.push(line) } }
  t.equal(await main(['hooks:list', '--json'], io, siteEnv(db, root)), 0, `hooks:list --json exits 0 (${err.join(' ')})`)
  const listed = JSON.parse(out.join('\n')) as Record<string, string[]>
  t.same(listed['content.insert'], ['early', 'pathauto'], 'content.insert: early → pathauto')
  t.same(listed['content.update'], ['early', 'pathauto'], 'content.update: early → pathauto')
  t.same(listed['content.delete'], ['pathauto'], 'content.delete: pathauto')
  out.length = 0
  t.equal(await main(['hooks:list'], io, siteEnv(db, root)), 0, 'hooks:list exits 0')
  t.ok(out.includes('content.insert: early → pathauto'), 'the text form shows the arrows')
})
