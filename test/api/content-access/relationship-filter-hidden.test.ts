// Filters and sorts through relationships carry the target's access: an unpublished author (or
// tag) never matches and never orders results for a caller who cannot see it, while its owner
// and editors do match it.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, doc, errors, OWN_ARTICLE } from './helpers.js'

eachDatabase(t, 'relationship paths cannot reveal hidden targets', async (t, db) => {
  const site = await bootContent(t, db)
  const { create } = site
  await site.role('profile_owner', ['edit own author content'])
  await site.role('writer', OWN_ARTICLE)
  const writer = await site.user('writer', ['writer'])
  const gina = await site.user('gina', ['profile_owner'])
  const reader = await site.user('reader', [])
  const editor = await site.user('editor', ['editor'])

  const ada = await create('author', { name: 'Ada', status: true })
  const zed = await create('author', { name: 'Zed', status: false }, { owner: gina.id })
  const aaron = await create('author', { name: 'Aaron', status: false })
  const secretTag = await create('tag', { name: 'secret', status: false })
  const ref = (type: string, id: string) => ({ data: { type, id } })
  // Created in this order so that id order and name order disagree.
  const byZed = await create('article', { title: 'by Zed', status: true }, { relationships: { author: ref('author', zed.id) } })
  const byAaron = await create('article', { title: 'by Aaron', status: true }, { relationships: { author: ref('author', aaron.id) } })
  const byAda = await create('article', { title: 'by Ada', status: true }, { relationships: { author: ref('author', ada.id), tags: { data: [{ type: 'tag', id: secretTag.id }] } } })
  const list = (token: string, query: string) => site.ids(token, `${CONTENT}/article?${query}`)

  t.same(await list(reader.token, 'filter[author.name]=Ada'), [byAda.id], 'a visible author matches')
  t.same(await list(reader.token, 'filter[author.name]=Zed'), [], 'a hidden author never matches')
  t.same(await list(reader.token, 'filter[a][condition][path]=author.name&filter[a][condition][operator]=STARTS_WITH&filter[a][condition][value]=Z'), [], 'nor by prefix')
  t.same(await list(reader.token, 'filter[a][condition][path]=author.name&filter[a][condition][operator]=IS NOT NULL&sort=title'), [byAda.id], 'IS NOT NULL only sees visible authors')
  t.same(await list(reader.token, 'filter[g][group][conjunction]=OR&filter[a][condition][path]=author.name&filter[a][condition][value]=Zed&filter[a][condition][memberOf]=g&filter[b][condition][path]=title&filter[b][condition][value]=nothing&filter[b][condition][memberOf]=g'), [], 'nor inside an OR group')
  t.same(await list(reader.token, 'filter[tags.name]=secret'), [], 'a hidden tag never matches through a to-many relationship')
  t.equal((await site.api(reader.token, 'GET', `${CONTENT}/article?filter[author.name]=Zed&page[total]=true`)).json<{ meta: { count: number } }>().meta.count, 0, 'nor counts')

  t.same(await list(gina.token, 'filter[author.name]=Zed'), [byZed.id], 'its owner sees it match')
  t.same(await list(gina.token, 'filter[author.name]=Aaron'), [], 'but not another hidden author')
  t.same(await list(editor.token, 'filter[author.name]=Zed'), [byZed.id], 'editors see it match')
  t.same(await list(editor.token, 'filter[tags.name]=secret'), [byAda.id])

  t.same(await list(editor.token, 'sort=author.name'), [byAaron.id, byAda.id, byZed.id], 'an editor sorts by every author name')
  const readerOrder = await list(reader.token, 'sort=author.name')
  t.same(readerOrder.filter(id => id !== byAda.id), [byZed.id, byAaron.id], 'for a reader hidden authors sort alike (by id), not by their names')
  t.equal(readerOrder.length, 3, 'hidden authors hide no articles from a sort')

  const referTo = (id: string) => site.api(writer.token, 'POST', `${CONTENT}/article`, doc('article', { title: 'probe' }, { author: ref('author', id) }))
  const hiddenRef = await referTo(zed.id)
  const missingRef = await referTo('00000000-0000-4000-8000-000000000000')
  t.equal(hiddenRef.statusCode, 422, 'referring to a hidden author is refused')
  t.equal(missingRef.statusCode, 422, 'like referring to a missing one')
  t.same(errors(hiddenRef).map(e => [e.source?.pointer, e.detail?.replace(zed.id, 'ID')]), errors(missingRef).map(e => [e.source?.pointer, e.detail?.replace('00000000-0000-4000-8000-000000000000', 'ID')]), 'with the same answer')
  t.equal((await referTo(ada.id)).statusCode, 201, 'a visible author can be referred to')
})
