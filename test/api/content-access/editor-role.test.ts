// The seeded editor role: every per-type content permission of the blog types, and through the
// admin content routes it reads drafts, edits and deletes anyone's items, views and reverts revisions.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { typePermissions } from '../../../core/access/content-permissions.js'
import { bootContent, CONTENT, doc, resource, type Resource } from './helpers.js'

eachDatabase(t, 'the editor role is seeded with the blog types\' content permissions', async (t, db) => {
  const site = await bootContent(t, db)
  const role = await site.as(site.adminToken, { method: 'GET', url: '/admin/api/roles/editor' })
  t.equal(role.statusCode, 200)
  const held = new Set(role.json<{ data: { permissions: string[] } }>().data.permissions)
  for (const type of ['article', 'author', 'tag']) {
    const p = typePermissions(type)
    for (const name of [p.create, p.editAny, p.deleteAny, p.viewUnpublished, p.viewRevisions, p.revertRevisions]) {
      t.ok(held.has(name), `editor holds "${name}"`)
    }
  }
  t.notOk(held.has('bypass content access'), 'but not bypass content access')
  t.notOk(held.has('view author contact details'), 'nor a module\'s field permission')
})

eachDatabase(t, 'an editor through every admin content route', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, create } = site
  const writer = await site.user('writer', [])
  const editor = await site.user('editor', ['editor'])
  const url = (id: string, rest = '') => `${CONTENT}/article/${id}${rest}`

  const draft = await create('article', { title: 'Draft by writer', status: false }, { owner: writer.id })
  const published = await create('article', { title: 'Published by writer', status: true }, { owner: writer.id })

  t.same(await site.ids(editor.token, `${CONTENT}/article?sort=title`), [draft.id, published.id], 'lists drafts too')
  t.equal((await api(editor.token, 'GET', url(draft.id))).statusCode, 200, 'reads others\' drafts')

  const edited = await api(editor.token, 'PATCH', url(draft.id), doc('article', { title: 'Edited', status: true }, undefined, draft.id))
  t.equal(edited.statusCode, 200, 'edits others\' items and publishes them')
  t.match(resource(edited).attributes, { title: 'Edited', status: true })
  t.same(resource(edited).relationships.uid?.data, { type: 'user', id: writer.id }, 'the owner stays')

  const revisions = await api(editor.token, 'GET', url(draft.id, '/revisions'))
  t.equal(revisions.statusCode, 200, 'views revisions')
  const revs = revisions.json<{ data: Resource[] }>().data
  t.equal(revs.length, 2, 'one per save')
  const first = revs.find(r => r.attributes.default === false)?.id as string
  const old = await api(editor.token, 'GET', url(draft.id, `/revisions/${first}`))
  t.equal(old.statusCode, 200)
  t.equal(resource(old).attributes.title, 'Draft by writer', 'an older revision')
  t.equal(resource(await api(editor.token, 'GET', url(draft.id, `?resourceVersion=id:${first}`))).attributes.title, 'Draft by writer', 'resourceVersion=id:N')
  t.equal(resource(await api(editor.token, 'GET', url(draft.id, '?resourceVersion=rel:latest-version'))).attributes.title, 'Edited', 'rel:latest-version')

  const reverted = await api(editor.token, 'POST', url(draft.id, `/revisions/${first}/revert`))
  t.equal(reverted.statusCode, 200, 'reverts')
  t.equal(resource(reverted).attributes.title, 'Draft by writer')

  const mine = await api(editor.token, 'POST', `${CONTENT}/article`, doc('article', { title: 'Editor\'s own', status: true }))
  t.equal(mine.statusCode, 201, 'creates, published at once')
  t.equal(resource(mine).attributes.status, true)

  t.equal((await api(editor.token, 'DELETE', url(published.id))).statusCode, 204, 'deletes others\' items')
  t.equal((await api(site.adminToken, 'GET', url(published.id))).statusCode, 404, 'gone')
})

eachDatabase(t, 'a content type created at runtime: editors get its permissions, which go with it', async (t, db) => {
  const site = await bootContent(t, db)
  const editor = await site.user('editor', ['editor'])
  const editorPermissions = async () => (await site.as(site.adminToken, { method: 'GET', url: '/admin/api/roles/editor' })).json<{ data: { permissions: string[] } }>().data.permissions
  t.equal((await site.api(editor.token, 'POST', `${CONTENT}/page`, doc('page', { title: 'x' }))).statusCode, 404, 'no such type yet')
  const created = await site.as(site.adminToken, { method: 'POST', url: '/admin/api/content-types', payload: { id: 'page', label: 'Page', fields: [{ name: 'title', type: 'string' }] } })
  t.equal(created.statusCode, 201)
  const p = typePermissions('page')
  t.same((await editorPermissions()).filter(n => n.includes(' page ')).sort(), [p.create, p.deleteAny, p.editAny, p.revertRevisions, p.viewUnpublished, p.viewRevisions].sort(), 'editors hold the new type\'s permissions')
  const page = await site.api(editor.token, 'POST', `${CONTENT}/page`, doc('page', { title: 'About' }))
  t.equal(page.statusCode, 201, 'and use them at once')
  t.equal((await site.api(editor.token, 'DELETE', `${CONTENT}/page/${resource(page).id}`)).statusCode, 204)
  t.equal((await site.as(site.adminToken, { method: 'DELETE', url: '/admin/api/content-types/page' })).statusCode, 204)
  t.same((await editorPermissions()).filter(n => n.includes(' page ')), [], 'a deleted type\'s permissions leave the role')
})
