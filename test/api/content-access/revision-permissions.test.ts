// Revisions need "view article revisions" (and a visible item); revert needs "revert article
// revisions" and edit access to the item. A revision number of another item is not found.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, doc, OWN_ARTICLE, resource, type Resource } from './helpers.js'

eachDatabase(t, 'revision routes and their permissions', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, create } = site
  await site.role('historian', [...OWN_ARTICLE, 'view article revisions'])
  await site.role('restorer', [...OWN_ARTICLE, 'view article revisions', 'revert article revisions'])
  const historian = await site.user('historian', ['historian'])
  const restorer = await site.user('restorer', ['restorer'])
  const url = (id: string, rest = '') => `${CONTENT}/article/${id}${rest}`

  const save = async (token: string, id: string, title: string) => {
    const response = await api(token, 'PATCH', url(id), doc('article', { title }, undefined, id))
    if (response.statusCode !== 200) throw new Error(`PATCH: ${response.statusCode} ${response.body}`)
    return resource(response)
  }
  const restorersOwn = await create('article', { title: 'v1' }, { token: restorer.token })
  const v1 = String(restorersOwn.meta?.revision)
  await save(restorer.token, restorersOwn.id, 'v2')
  const historiansOwn = await create('article', { title: 'h1' }, { token: historian.token })
  const h1 = String(historiansOwn.meta?.revision)
  await save(historian.token, historiansOwn.id, 'h2')
  const othersPublished = await create('article', { title: 'p1', status: true })
  const p1 = String(othersPublished.meta?.revision)
  await save(site.adminToken, othersPublished.id, 'p2')
  const othersDraft = await create('article', { title: 'd1' })
  const d1 = String(othersDraft.meta?.revision)

  const listed = await api(historian.token, 'GET', url(historiansOwn.id, '/revisions'))
  t.equal(listed.statusCode, 200, 'view revisions: own item')
  t.equal(listed.json<{ data: Resource[] }>().data.length, 2)
  t.equal((await api(historian.token, 'GET', url(othersPublished.id, '/revisions'))).statusCode, 200, 'view revisions: a visible item of another')
  t.equal(resource(await api(historian.token, 'GET', url(othersPublished.id, `/revisions/${p1}`))).attributes.title, 'p1', 'an old revision')
  t.equal(resource(await api(historian.token, 'GET', url(historiansOwn.id, `?resourceVersion=id:${h1}`))).attributes.title, 'h1', 'resourceVersion=id:N')
  t.equal((await api(historian.token, 'GET', url(othersDraft.id, '/revisions'))).statusCode, 404, 'not of a hidden item')
  t.equal((await api(historian.token, 'GET', url(othersDraft.id, `/revisions/${d1}`))).statusCode, 404)
  t.equal((await api(historian.token, 'GET', url(othersDraft.id, `?resourceVersion=id:${d1}`))).statusCode, 404)
  t.equal((await api(historian.token, 'GET', url(historiansOwn.id, `/revisions/${d1}`))).statusCode, 404, 'a revision of another item, through a visible one')
  t.equal((await api(historian.token, 'GET', url(historiansOwn.id, `?resourceVersion=id:${d1}`))).statusCode, 404)

  t.equal((await api(historian.token, 'POST', url(historiansOwn.id, `/revisions/${h1}/revert`))).statusCode, 403, 'viewing is not reverting')
  t.equal(resource(await api(historian.token, 'GET', url(historiansOwn.id))).attributes.title, 'h2', 'unchanged')

  const reverted = await api(restorer.token, 'POST', url(restorersOwn.id, `/revisions/${v1}/revert`))
  t.equal(reverted.statusCode, 200, 'revert: own item')
  t.equal(resource(reverted).attributes.title, 'v1')
  t.equal((await api(restorer.token, 'POST', url(othersPublished.id, `/revisions/${p1}/revert`))).statusCode, 403, 'revert needs edit access to the item')
  t.equal(resource(await api(site.adminToken, 'GET', url(othersPublished.id))).attributes.title, 'p2', 'unchanged')
  t.equal((await api(restorer.token, 'POST', url(othersDraft.id, `/revisions/${d1}/revert`))).statusCode, 404, 'a hidden item cannot be reverted')
  t.equal((await api(restorer.token, 'POST', url(restorersOwn.id, `/revisions/${d1}/revert`))).statusCode, 404, 'nor to another item\'s revision')
  t.equal(resource(await api(restorer.token, 'GET', url(restorersOwn.id))).attributes.title, 'v1', 'unchanged')
})

// Known gap (reported, core/content/operations/revert.ts): a revert copies the old revision's
// status, so an author who may not publish republishes by reverting. Todo until revert checks it.
eachDatabase(t, 'a revert does not publish for a caller who may not publish', async (t, db) => {
  const site = await bootContent(t, db)
  const { api } = site
  await site.role('restorer', [...OWN_ARTICLE, 'view article revisions', 'revert article revisions'])
  const restorer = await site.user('restorer', ['restorer'])
  const editor = await site.user('editor', ['editor'])
  const own = await site.create('article', { title: 'mine' }, { token: restorer.token })
  const setStatus = async (status: boolean) => resource(await api(editor.token, 'PATCH', `${CONTENT}/article/${own.id}`, doc('article', { status }, undefined, own.id)))
  const publishedRev = String((await setStatus(true)).meta?.revision)
  t.equal((await setStatus(false)).attributes.status, false, 'the editor unpublished it')
  const reverted = await api(restorer.token, 'POST', `${CONTENT}/article/${own.id}/revisions/${publishedRev}/revert`)
  t.not(reverted.statusCode, 500)
  const status = resource(await api(site.adminToken, 'GET', `${CONTENT}/article/${own.id}`)).attributes.status
  t.equal(status, false, 'still unpublished')
})
