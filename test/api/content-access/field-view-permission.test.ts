// Field view permissions (author.email needs "view author contact details"): the attribute is
// absent without it, in lists, reads and revisions; filtering or sorting on it, directly or
// through a relationship, is 403 naming the parameter. With the permission all of it works.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, errors, resource, type Resource } from './helpers.js'

eachDatabase(t, 'a field with a view permission', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, create } = site
  await site.role('contacts', ['view author contact details'])
  const editor = await site.user('editor', ['editor'])
  const insider = await site.user('insider', ['editor', 'contacts'])
  const ada = await create('author', { name: 'Ada', email: 'ada@example.test', status: true })
  await create('author', { name: 'Bea', email: 'bea@example.test', status: true })
  await create('article', { title: 'By Ada', status: true }, { relationships: { author: { data: { type: 'author', id: ada.id } } } })
  const rev = String(ada.meta?.revision)

  const read = resource(await api(editor.token, 'GET', `${CONTENT}/author/${ada.id}`))
  t.equal(read.attributes.name, 'Ada', 'other attributes are there')
  t.notOk('email' in read.attributes, 'email is absent from a read')
  const list = (await api(editor.token, 'GET', `${CONTENT}/author`)).json<{ data: Resource[] }>().data
  t.equal(list.length, 2)
  t.ok(list.every(r => !('email' in r.attributes)), 'and from a list')
  const sparse = await api(editor.token, 'GET', `${CONTENT}/author?fields[author]=email,name`)
  t.notOk(sparse.json<{ data: Resource[] }>().data.some(r => 'email' in r.attributes), 'even when asked for by a sparse fieldset')
  t.notOk('email' in resource(await api(editor.token, 'GET', `${CONTENT}/author/${ada.id}/revisions/${rev}`)).attributes, 'and from a revision')
  t.notOk((await api(editor.token, 'GET', `${CONTENT}/author/${ada.id}?resourceVersion=id:${rev}`)).body.includes('ada@example.test'), 'and from resourceVersion')

  const refusals: Array<[string, string]> = [
    [`${CONTENT}/author?filter[email]=ada@example.test`, 'filter[email]'],
    [`${CONTENT}/author?filter[e][condition][path]=email&filter[e][condition][operator]=STARTS_WITH&filter[e][condition][value]=a`, 'filter[e][condition]'],
    [`${CONTENT}/author?sort=-email`, 'sort'],
    [`${CONTENT}/article?filter[author.email]=ada@example.test`, 'filter[author.email]'],
    [`${CONTENT}/article?sort=author.email`, 'sort']
  ]
  for (const [url, parameter] of refusals) {
    const response = await api(editor.token, 'GET', url)
    t.equal(response.statusCode, 403, `403: ${url}`)
    t.equal(errors(response)[0]?.source?.parameter, parameter, `names ${parameter}`)
    t.notOk(response.body.includes('ada@example.test'), 'and reveals nothing')
  }

  t.equal(resource(await api(insider.token, 'GET', `${CONTENT}/author/${ada.id}`)).attributes.email, 'ada@example.test', 'present with the permission')
  t.same(await site.ids(insider.token, `${CONTENT}/author?filter[email]=ada@example.test`), [ada.id], 'filterable with it')
  t.same((await api(insider.token, 'GET', `${CONTENT}/author?sort=-email`)).json<{ data: Resource[] }>().data.map(r => r.attributes.name), ['Bea', 'Ada'], 'sortable with it')
  t.equal((await site.ids(insider.token, `${CONTENT}/article?filter[author.email]=ada@example.test`)).length, 1, 'through a relationship too')
})
