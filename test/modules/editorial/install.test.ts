// Installing editorial grants editors every transition once (administrators can narrow it later), lists the transition permissions, and its `types` option picks the moderated types.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, permissionOf, secondKernel, TRANSITIONS, WORKFLOWS } from '../../api/workflow/helpers.js'
import { Writable } from 'node:stream'
import { createLogger } from '../../../core/kernel/logger.js'
import { bootTestKernel } from '../../helpers/boot.js'
import { bootIdentity } from '../../api/auth/helpers.js'

interface Role { id: string, permissions: string[] }

eachDatabase(t, 'editors get every editorial transition once, at install', async (t, db) => {
  const site = await bootSite(t, db)
  const role = async () => (await site.json(site.adminToken, 'GET', '/admin/api/roles/editor')).json<{ data: Role }>().data
  const granted = (await role()).permissions.filter(p => p.startsWith('use editorial transition ')).sort()
  t.same(granted, TRANSITIONS.map(permissionOf).sort(), 'the editor role holds the six transition permissions')

  const catalogue = (await site.json(site.adminToken, 'GET', '/admin/api/permissions')).json<{ data: Array<{ name: string, module: string }> }>().data
  for (const transition of TRANSITIONS) {
    t.equal(catalogue.find(p => p.name === permissionOf(transition))?.module, 'editorial', `"${permissionOf(transition)}" is listed, from editorial`)
  }

  const narrowed = (await role()).permissions.filter(p => p !== permissionOf('publish'))
  const patch = await site.json(site.adminToken, 'PATCH', '/admin/api/roles/editor', { permissions: narrowed })
  t.equal(patch.statusCode, 200, 'the administrator takes publish away from editors')
  await secondKernel(t, db) // another boot: the install migration must not run again
  t.notOk((await role()).permissions.includes(permissionOf('publish')), 'a later boot does not grant it back')
  const editor = await site.user('editor', ['editor'])
  const item = await site.create('article', { title: 'Editor draft' }, editor.token)
  t.equal((await site.patch('article', item.id, { moderation_state: 'review' }, editor.token)).statusCode, 200, 'the editor can still submit for review')
  t.equal((await site.patch('article', item.id, { moderation_state: 'published' }, editor.token)).statusCode, 403, 'but no longer publish')
})

eachDatabase(t, 'the types option puts other content types under the workflow', async (t, db) => {
  const site = await bootIdentity(t, db, { modules: ['blog', { name: 'editorial', options: { types: ['article', 'author'] } }, 'pathauto'] })
  const token = (await site.login()).accessToken
  const workflows = (await site.as(token, { method: 'GET', url: WORKFLOWS })).json<{ data: Array<{ id: string, types: string[] }> }>().data
  t.same(workflows.find(w => w.id === 'editorial')?.types.sort(), ['article', 'author'], 'editorial moderates article and author')
  const type = (await site.as(token, { method: 'GET', url: '/admin/api/content-types/author' })).json<{ data: { workflow?: string } }>().data
  t.equal(type.workflow, 'editorial', 'the author type names the workflow')
  const tag = (await site.as(token, { method: 'GET', url: '/admin/api/content-types/tag' })).json<{ data: { workflow?: string } }>().data
  t.equal(tag.workflow, undefined, 'tag stays unmoderated')
  const created = await site.as(token, {
    method: 'POST', url: '/admin/api/content/author', headers: { 'content-type': 'application/vnd.api+json' }, payload: JSON.stringify({ data: { type: 'author', attributes: { name: 'Grace' } } })
  })
  t.equal(created.statusCode, 201, 'an author is created')
  t.equal(created.json<{ data: { attributes: { moderation_state: string } } }>().data.attributes.moderation_state, 'draft', 'as a draft')

  const lines: string[] = []
  const sink = new Writable({ write (chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done() } })
  await bootTestKernel(t, db, { site: { modules: ['blog', { name: 'editorial', options: { types: ['article', 'ghost'] } }, 'pathauto'] }, logger: createLogger('warn', sink) })
  t.ok(lines.some(line => /editorial/.test(line) && /ghost/.test(line)), 'a type that does not exist is warned about, by name')
  t.notOk(lines.some(line => /"types":\[[^\]]*"article"/.test(line)), 'article, which exists, is not')

  const bad = await bootIdentity(t, db, { modules: ['blog', { name: 'editorial', options: { types: 'article' } }, 'pathauto'] }).then(() => 'booted', (error: Error) => error.message)
  t.match(bad, /editorial/, 'an invalid option stops boot with a message naming the module')
})
