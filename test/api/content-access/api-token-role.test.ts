// API tokens act with their role's content permissions (plus authenticated) for their owner:
// an own-permissions token edits its owner's items only; an editor token edits any; a token of a
// role without content permissions reads published items only.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, doc, OWN_ARTICLE, resource } from './helpers.js'

eachDatabase(t, 'API tokens carry their role\'s content permissions', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, create } = site
  await site.role('author', OWN_ARTICLE)
  await site.role('nothing', [])
  const owner = await site.user('integrator', [])
  const token = async (role: string) => {
    const response = await site.as(site.adminToken, { method: 'POST', url: '/admin/api/tokens', payload: { name: role, role, userId: owner.id } })
    if (response.statusCode !== 201) throw new Error(`token: ${response.statusCode} ${response.body}`)
    return response.json<{ data: { token: string } }>().data.token
  }
  const authorToken = await token('author')
  const editorToken = await token('editor')
  const plainToken = await token('nothing')
  const ownersDraft = await create('article', { title: 'owner draft' }, { owner: owner.id })
  const othersDraft = await create('article', { title: 'other draft' })
  const othersPublished = await create('article', { title: 'other published', status: true })
  const url = (id: string) => `${CONTENT}/article/${id}`
  const patch = (bearer: string, id: string, title: string) => api(bearer, 'PATCH', url(id), doc('article', { title }, undefined, id))

  const created = await api(authorToken, 'POST', `${CONTENT}/article`, doc('article', { title: 'via token' }))
  t.equal(created.statusCode, 201, 'author token: creates')
  t.same(resource(created).relationships.uid?.data, { type: 'user', id: owner.id }, 'owned by the token\'s owner')
  t.same(await site.ids(authorToken, `${CONTENT}/article?sort=title`), [othersPublished.id, ownersDraft.id, resource(created).id], 'sees its owner\'s drafts and published items')
  t.equal((await patch(authorToken, ownersDraft.id, 'edited')).statusCode, 200, 'edits its owner\'s item')
  t.equal((await patch(authorToken, othersPublished.id, 'x')).statusCode, 403, 'not another\'s')
  t.equal((await patch(authorToken, othersDraft.id, 'x')).statusCode, 404, 'nor a hidden one')
  t.equal((await api(authorToken, 'PATCH', url(ownersDraft.id), doc('article', { status: true }, undefined, ownersDraft.id))).statusCode, 403, 'no publishing')

  t.same((await site.ids(editorToken, `${CONTENT}/article`)).length, 4, 'editor token: sees every draft')
  t.equal((await patch(editorToken, othersDraft.id, 'edited by editor token')).statusCode, 200, 'edits any item')
  t.equal((await api(editorToken, 'GET', `${url(othersDraft.id)}/revisions`)).statusCode, 200, 'views revisions')
  t.equal((await api(editorToken, 'DELETE', url(othersPublished.id))).statusCode, 204, 'deletes any item')

  t.same(await site.ids(plainToken, `${CONTENT}/article`), [], 'a role without content permissions: published only (none left)')
  t.equal((await api(plainToken, 'POST', `${CONTENT}/article`, doc('article', { title: 'x' }))).statusCode, 403, 'no create')
  t.equal((await patch(plainToken, ownersDraft.id, 'x')).statusCode, 404, 'its owner\'s draft is hidden from it')
})
