// A module's content.access answer 'forbid' beats the permissions of a role: the editor may not
// edit, delete or revert a "Locked" article, nor see a "Hidden" one; bypass content access still may.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, doc, resource } from './helpers.js'
import { gatekeeperModule } from './fixture-modules.js'

eachDatabase(t, 'a forbid from the content.access hook wins over role permissions', async (t, db) => {
  const site = await bootContent(t, db, { modules: ['gatekeeper'], moduleSources: { gatekeeper: gatekeeperModule } })
  const { api, create } = site
  const editor = await site.user('editor', ['editor'])
  const locked = await create('article', { title: 'Locked', status: true })
  const hidden = await create('article', { title: 'Hidden', status: true })
  const open = await create('article', { title: 'Open', status: true })
  const url = (id: string, rest = '') => `${CONTENT}/article/${id}${rest}`
  const rev = String(locked.meta?.revision)

  t.equal((await api(editor.token, 'PATCH', url(open.id), doc('article', { summary: 'ok' }, undefined, open.id))).statusCode, 200, 'the editor edits other articles')
  t.equal((await api(editor.token, 'GET', url(locked.id))).statusCode, 200, 'and reads the locked one')
  t.equal((await api(editor.token, 'PATCH', url(locked.id), doc('article', { title: 'Unlocked' }, undefined, locked.id))).statusCode, 403, 'but cannot edit it')
  t.equal((await api(editor.token, 'DELETE', url(locked.id))).statusCode, 403, 'nor delete it')
  t.equal((await api(editor.token, 'POST', url(locked.id, `/revisions/${rev}/revert`))).statusCode, 403, 'nor revert it')
  const stored = resource(await api(site.adminToken, 'GET', url(locked.id)))
  t.match(stored.attributes, { title: 'Locked' }, 'unchanged')
  t.equal(stored.meta?.version, 1)

  t.equal((await api(editor.token, 'GET', url(hidden.id))).statusCode, 404, 'a forbidden view is not found')
  t.equal((await api(editor.token, 'GET', url(hidden.id, '/revisions'))).statusCode, 404, 'nor its revisions')
  t.equal((await api(editor.token, 'PATCH', url(hidden.id), doc('article', { title: 'x' }, undefined, hidden.id))).statusCode, 404, 'nor editable')
  t.equal((await api(editor.token, 'DELETE', url(hidden.id))).statusCode, 404, 'nor deletable')

  t.equal((await api(site.adminToken, 'PATCH', url(locked.id), doc('article', { summary: 'admin' }, undefined, locked.id))).statusCode, 200, 'bypass content access is not subject to the hook')
  t.equal((await api(site.adminToken, 'GET', url(hidden.id))).statusCode, 200)
})

// Lists, totals and relationship filters leave out the items
// a module forbids viewing, when the module states the same rule for lists (ctx.access.rowRule).
eachDatabase(t, 'a forbidden view also leaves lists', async (t, db) => {
  const site = await bootContent(t, db, { modules: ['gatekeeper'], moduleSources: { gatekeeper: gatekeeperModule } })
  const editor = await site.user('editor', ['editor'])
  await site.create('article', { title: 'Hidden', status: true })
  const open = await site.create('article', { title: 'Open', status: true })
  t.same(await site.ids(editor.token, `${CONTENT}/article`), [open.id], 'the list leaves it out')
  const total = await site.api(editor.token, 'GET', `${CONTENT}/article?page[total]=true`)
  t.equal(total.json<{ meta: { count: number } }>().meta.count, 1, 'and the total')
})
