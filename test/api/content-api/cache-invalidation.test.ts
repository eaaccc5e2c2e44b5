// Invalidation by tag after commit: a committed write is never followed by a stale read, and a
// write purges only what showed or depended on what it changed.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, type ApiSite, type ListDocument, type Resource } from './helpers.js'
import { seedBlog } from './seed.js'

const CONTENT = '/admin/api/content'

async function read (site: ApiSite, url: string, token: string | null = null): Promise<{ cache: string, body: ListDocument & { data: Resource[] | Resource } }> {
  const response = await site.get(url, { token })
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
  return { cache: String(response.headers['x-cache']), body: response.json() }
}

eachDatabase(t, 'cache invalidation', async (t, db) => {
  const site = await bootApi(t, db)
  const ids = await seedBlog(site.kernel)
  const patch = async (type: string, id: string, attributes: Record<string, unknown>) => {
    const response = await site.admin('PATCH', `${CONTENT}/${type}/${id}`, { data: { type, id, attributes } })
    if (response.statusCode !== 200) throw new Error(`PATCH ${type}: ${response.statusCode} ${response.body}`)
  }
  const urls = {
    articles: '/jsonapi/article?sort=title',
    withTags: '/jsonapi/article?sort=title&include=tags',
    withoutNews: `/jsonapi/article?filter[t][condition][path]=id&filter[t][condition][operator]=IN&filter[t][condition][value][]=${ids.a2}&filter[t][condition][value][]=${ids.a8}&include=tags`,
    throughTags: '/jsonapi/article?filter[tags.name]=News',
    tags: '/jsonapi/tag',
    item: `/jsonapi/article/${ids.a1}`
  }
  const warm = async () => { for (const url of Object.values(urls)) await read(site, url) }

  t.test('an article write refreshes its lists and item at once', async t => {
    await warm()
    t.equal((await read(site, urls.item)).cache, 'HIT', 'warm')
    await patch('article', ids.a1 ?? '', { title: 'Alpha engines, revised' })
    const item = await read(site, urls.item)
    t.equal(item.cache, 'MISS')
    t.equal((item.body.data as Resource).attributes.title, 'Alpha engines, revised', 'fresh right after the write answered')
    const list = await read(site, urls.articles)
    t.equal(list.cache, 'MISS')
    t.ok((list.body.data as Resource[]).some(r => r.attributes.title === 'Alpha engines, revised'))
    t.equal((await read(site, urls.tags)).cache, 'HIT', 'tag lists are untouched')
  })

  t.test('a tag write purges only what shows or filters through that tag', async t => {
    await warm()
    await patch('tag', ids.news ?? '', { name: 'Breaking' })
    t.equal((await read(site, urls.articles)).cache, 'HIT', 'an article list without the tag included stays')
    t.equal((await read(site, urls.withoutNews)).cache, 'HIT', 'an article list including other tags only stays')
    const withTags = await read(site, urls.withTags)
    t.equal(withTags.cache, 'MISS', 'an article list including the tag is refreshed')
    t.ok(withTags.body.included?.some(r => r.attributes.name === 'Breaking'))
    const through = await read(site, urls.throughTags)
    t.equal(through.cache, 'MISS', 'a list filtered through tags is refreshed')
    t.same(through.body.data, [], 'no tag is named News any more')
    t.equal((await read(site, urls.tags)).cache, 'MISS', 'tag lists are refreshed')
  })

  t.test('publishing a hidden included target shows it', async t => {
    const url = `/jsonapi/article/${ids.a2}?include=author`
    t.same((await read(site, url)).body.included, [])
    await patch('author', ids.grace ?? '', { status: true })
    const fresh = await read(site, url)
    t.equal(fresh.cache, 'MISS')
    t.same(fresh.body.included?.map(r => r.attributes.name), ['Grace Hopper'])
  })

  t.test('create and delete', async t => {
    await warm()
    const created = await site.admin('POST', `${CONTENT}/article`, { data: { type: 'article', attributes: { title: 'Brand new', status: true } } })
    const id = created.json<{ data: { id: string } }>().data.id
    const listed = await read(site, urls.articles)
    t.equal(listed.cache, 'MISS')
    t.ok((listed.body.data as Resource[]).some(r => r.id === id), 'the new item is listed')
    await read(site, `/jsonapi/article/${id}`)
    t.equal((await site.admin('DELETE', `${CONTENT}/article/${id}`)).statusCode, 204)
    t.equal((await site.get(`/jsonapi/article/${id}`)).statusCode, 404, 'the deleted item is gone')
    t.notOk(((await read(site, urls.articles)).body.data as Resource[]).some(r => r.id === id), 'and unlisted')
  })

  t.test('callers with other permissions never share entries', async t => {
    const draft = `/jsonapi/article/${ids.a4}`
    t.equal((await site.get(draft, { token: site.adminToken })).statusCode, 200, 'the administrator reads the draft (and caches it)')
    t.equal((await site.get(draft)).statusCode, 404, 'anonymous still may not')
    const grant = await site.as(site.adminToken, { method: 'PATCH', url: '/admin/api/roles/anonymous', payload: { permissions: ['access content', 'view unpublished article content'] } })
    t.equal(grant.statusCode, 200, grant.body)
    t.equal((await site.get(draft)).statusCode, 200, 'a new grant applies on the next read')
  })

  t.test('user writes refresh included users', async t => {
    const writer = await site.userWith('writer', ['access content'])
    const created = await site.admin('POST', `${CONTENT}/article`, { data: { type: 'article', attributes: { title: 'Signed', status: true }, relationships: { uid: { data: { type: 'user', id: writer.id } } } } })
    const url = `/jsonapi/article/${created.json<{ data: { id: string } }>().data.id}?include=uid`
    t.same((await read(site, url)).body.included?.map(r => r.attributes.display_name), ['writer'])
    await site.as(site.adminToken, { method: 'PATCH', url: `/admin/api/users/${writer.id}`, payload: { displayName: 'W. Riter' } })
    t.same((await read(site, url)).body.included?.map(r => r.attributes.display_name), ['W. Riter'])
  })

  t.test('a changed content type definition refreshes its responses', async t => {
    const type = { id: 'note', label: 'Note', fields: [{ name: 'title', type: 'string' }] }
    const index = async () => Object.keys((await read(site, '/jsonapi')).body.meta?.resourceTypes as object)
    t.notOk((await index()).includes('note'), 'the index is cached without the new type')
    t.equal((await site.as(site.adminToken, { method: 'POST', url: '/admin/api/content-types', payload: type })).statusCode, 201)
    const note = await site.admin('POST', `${CONTENT}/note`, { data: { type: 'note', attributes: { title: 'n', status: true } } })
    const url = `/jsonapi/note/${note.json<{ data: { id: string } }>().data.id}`
    t.notOk('mood' in (((await read(site, url)).body.data as Resource).attributes))
    const changed = await site.as(site.adminToken, { method: 'PUT', url: '/admin/api/content-types/note', payload: { ...type, fields: [...type.fields, { name: 'mood', type: 'string' }] } })
    t.equal(changed.statusCode, 200, changed.body)
    t.equal(((await read(site, url)).body.data as Resource).attributes.mood, null, 'the new field shows')
    t.ok((await index()).includes('note'), 'the index lists the new type')
  })
})
