// "delete own" deletes only the caller's items; "delete any" deletes anyone's (that the caller can
// see); "edit own" alone deletes nothing. A refused delete leaves the item in place.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT } from './helpers.js'

eachDatabase(t, 'delete own versus delete any', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, create } = site
  await site.role('own_deleter', ['edit own article content', 'delete own article content'])
  await site.role('own_editor', ['edit own article content'])
  await site.role('any_deleter', ['delete any article content'])
  const owner = await site.user('owner', ['own_deleter'])
  const keeper = await site.user('keeper', ['own_editor'])
  const cleaner = await site.user('cleaner', ['any_deleter'])
  const url = (id: string) => `${CONTENT}/article/${id}`
  const exists = async (id: string) => (await api(site.adminToken, 'GET', url(id))).statusCode === 200

  const ownersDraft = await create('article', { title: 'Owner draft' }, { owner: owner.id })
  const ownersPublished = await create('article', { title: 'Owner published', status: true }, { owner: owner.id })
  const keepersPublished = await create('article', { title: 'Keeper published', status: true }, { owner: keeper.id })
  const keepersDraft = await create('article', { title: 'Keeper draft' }, { owner: keeper.id })

  t.equal((await api(owner.token, 'DELETE', url(keepersPublished.id))).statusCode, 403, 'delete own: not another\'s visible item')
  t.ok(await exists(keepersPublished.id), 'still there')
  t.equal((await api(owner.token, 'DELETE', url(ownersDraft.id))).statusCode, 204, 'delete own: an own draft')
  t.notOk(await exists(ownersDraft.id), 'deleted')

  t.equal((await api(keeper.token, 'DELETE', url(keepersDraft.id))).statusCode, 403, 'edit own alone does not delete')
  t.ok(await exists(keepersDraft.id), 'still there')

  t.equal((await api(cleaner.token, 'DELETE', url(keepersDraft.id))).statusCode, 404, 'delete any: a draft it cannot see is not found')
  t.ok(await exists(keepersDraft.id), 'still there')
  t.equal((await api(cleaner.token, 'DELETE', url(keepersPublished.id))).statusCode, 204, 'delete any: another\'s published item')
  t.equal((await api(cleaner.token, 'DELETE', url(ownersPublished.id))).statusCode, 204, 'and another\'s')
  t.notOk(await exists(keepersPublished.id))
  t.notOk(await exists(ownersPublished.id))
})

eachDatabase(t, 'delete any is per type', async (t, db) => {
  const site = await bootContent(t, db)
  await site.role('any_deleter', ['delete any article content'])
  const cleaner = await site.user('cleaner', ['any_deleter'])
  const tag = await site.create('tag', { name: 'kept', status: true })
  t.equal((await site.api(cleaner.token, 'DELETE', `${CONTENT}/tag/${tag.id}`)).statusCode, 403, 'tags are not articles')
  t.equal((await site.api(site.adminToken, 'GET', `${CONTENT}/tag/${tag.id}`)).statusCode, 200, 'still there')
})
