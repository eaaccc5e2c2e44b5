// "view unpublished article content" reveals others' drafts in lists and reads, and nothing more:
// no edit, no delete, and no other type's drafts.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, doc } from './helpers.js'

eachDatabase(t, 'view unpublished', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, create } = site
  await site.role('previewer', ['view unpublished article content'])
  const previewer = await site.user('previewer', ['previewer'])
  const reader = await site.user('reader', [])
  const draft = await create('article', { title: 'Draft' })
  const published = await create('article', { title: 'Published', status: true })
  const draftTag = await create('tag', { name: 'draft tag' })
  const url = (id: string) => `${CONTENT}/article/${id}`

  t.same(await site.ids(previewer.token, `${CONTENT}/article?sort=title`), [draft.id, published.id], 'lists drafts')
  t.same(await site.ids(reader.token, `${CONTENT}/article?sort=title`), [published.id], 'without it: published only')
  t.equal((await api(previewer.token, 'GET', url(draft.id))).statusCode, 200, 'reads a draft')
  t.equal((await api(reader.token, 'GET', url(draft.id))).statusCode, 404, 'without it: not found')
  t.equal((await api(previewer.token, 'GET', `${CONTENT}/article?filter[status]=0&page[total]=true`)).json<{ meta: { count: number } }>().meta.count, 1, 'filter on status counts drafts')
  t.equal((await api(reader.token, 'GET', `${CONTENT}/article?filter[status]=0&page[total]=true`)).json<{ meta: { count: number } }>().meta.count, 0, 'without it: none to count')

  t.equal((await api(previewer.token, 'PATCH', url(draft.id), doc('article', { title: 'X' }, undefined, draft.id))).statusCode, 403, 'seeing is not editing')
  t.equal((await api(previewer.token, 'DELETE', url(draft.id))).statusCode, 403, 'nor deleting')
  t.equal((await api(previewer.token, 'GET', `${CONTENT}/tag/${draftTag.id}`)).statusCode, 404, 'other types\' drafts stay hidden')
  t.same(await site.ids(previewer.token, `${CONTENT}/tag`), [], 'also in lists')
})
