// A user with no role beyond "authenticated" (access content only): published items are readable,
// drafts do not exist, and every write or revision route is refused.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, doc } from './helpers.js'

eachDatabase(t, 'an authenticated user without content permissions', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, create } = site
  const reader = await site.user('reader', [])
  const url = (id: string, rest = '') => `${CONTENT}/article/${id}${rest}`
  const published = await create('article', { title: 'Published', status: true }, { owner: reader.id })
  const draft = await create('article', { title: 'Draft', status: false }, { owner: reader.id })
  const rev = String(published.meta?.revision)

  t.same(await site.ids(reader.token, `${CONTENT}/article`), [published.id], 'lists published items only, even owned drafts')
  t.equal((await api(reader.token, 'GET', url(published.id))).statusCode, 200)
  t.equal((await api(reader.token, 'GET', url(draft.id))).statusCode, 404, 'a draft, even their own, is hidden without "edit own"')
  t.equal((await api(reader.token, 'POST', `${CONTENT}/article`, doc('article', { title: 'New' }))).statusCode, 403, 'no create')
  t.equal((await api(reader.token, 'PATCH', url(published.id), doc('article', { title: 'X' }, undefined, published.id))).statusCode, 403, 'no edit')
  t.equal((await api(reader.token, 'PATCH', url(draft.id), doc('article', { title: 'X' }, undefined, draft.id))).statusCode, 404, 'no edit of a hidden item')
  t.equal((await api(reader.token, 'DELETE', url(published.id))).statusCode, 403, 'no delete')
  t.equal((await api(reader.token, 'GET', url(published.id, '/revisions'))).statusCode, 403, 'no revisions')
  t.equal((await api(reader.token, 'GET', url(published.id, `/revisions/${rev}`))).statusCode, 403)
  t.equal((await api(reader.token, 'GET', url(published.id, `?resourceVersion=id:${rev}`))).statusCode, 403)
  t.equal((await api(reader.token, 'POST', url(published.id, `/revisions/${rev}/revert`))).statusCode, 403, 'no revert')
  const count = await site.kernel.db.knex(site.kernel.contentTypes.require('article').table).count({ n: '*' }) as Array<{ n: number | string }>
  t.equal(Number(count[0]?.n), 2, 'nothing was written')
})
