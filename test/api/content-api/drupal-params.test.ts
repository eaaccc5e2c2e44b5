// A frontend written for Drupal works unchanged: queries built by the real drupal-jsonapi-params
// client, answers deserialized by the real jsona, against a seeded blog with hidden items.
import t from 'tap'
import { DrupalJsonApiParams } from 'drupal-jsonapi-params'
import { Jsona } from 'jsona'
import { eachDatabase } from '../../helpers/each-database.js'
import { FILTER_CASES, SORT_CASES } from './drupal-params-cases.js'
import { bootApi, expectDocument, ids as idsOf, type ListDocument } from './helpers.js'
import { seedBlog } from './seed.js'

const jsona = new Jsona()

interface Model { id: string, type: string, title?: string, name?: string, author?: Model | null, tags?: Model[], [key: string]: unknown }

eachDatabase(t, 'drupal-jsonapi-params queries', async (t, db) => {
  const site = await bootApi(t, db)
  const ids = await seedBlog(site.kernel)
  const key = new Map(Object.entries(ids).map(([k, id]) => [id, k]))

  for (const c of [...FILTER_CASES, ...SORT_CASES]) {
    const params = new DrupalJsonApiParams(undefined, c.config)
    c.params(params, ids)
    const query = params.getQueryString()
    const body = expectDocument<ListDocument>(t, await site.get(`/jsonapi/article?${query}`), 200, c.name)
    const models = jsona.deserialize(body as never) as Model[]
    t.same(models.map(m => key.get(m.id)), c.expect, `${c.name}: ${decodeURIComponent(query)}`)
  }

  t.test('sparse fieldsets', async t => {
    const query = new DrupalJsonApiParams().addFields('article', ['title', 'author']).addFilter('title', 'Theta').getQueryString()
    const body = expectDocument<ListDocument>(t, await site.get(`/jsonapi/article?${query}`), 200)
    const [resource] = body.data
    t.same(Object.keys(resource?.attributes ?? {}), ['title'], 'only the requested attribute')
    t.same(Object.keys(resource?.relationships ?? {}), ['author'], 'only the requested relationship')
  })

  t.test('includes with dotted paths, deserialized by jsona', async t => {
    const query = new DrupalJsonApiParams().addInclude(['author', 'tags', 'uid']).addSort('title').getQueryString()
    const body = expectDocument<ListDocument>(t, await site.get(`/jsonapi/article?${query}`), 200)
    const models = jsona.deserialize(body as never) as Model[]
    const a1 = models.find(m => m.id === ids.a1)
    t.equal(a1?.author?.name, 'Ada Lovelace', 'the included author is resolved')
    t.same(a1?.tags?.map(tag => tag.name), ['News'], 'the included tags are resolved')
    const included = (body.included ?? []).map(r => `${r.type}:${key.get(r.id) ?? r.id}`).sort()
    t.same(included, ['author:ada', 'author:alan', 'tag:howto', 'tag:news', 'tag:release'], 'hidden author and tag left out, no duplicates')
    const a2 = models.find(m => m.id === ids.a2)
    t.equal(a2?.author?.name, undefined, 'the hidden author of a2 is not leaked')
  })

  t.test('include through two levels', async t => {
    const query = new DrupalJsonApiParams().addInclude(['tags']).addFilter('title', 'Gamma release').getQueryString()
    const body = expectDocument<ListDocument>(t, await site.get(`/jsonapi/article?${query}`), 200)
    t.same(idsOf({ data: body.included ?? [] }).map(id => key.get(id)).sort(), ['news', 'release'])
    const related = expectDocument<ListDocument>(t, await site.get(`/jsonapi/tag/${ids.news}?include=uid`), 200)
    t.same(related.included, [], 'a relationship without a visible target includes nothing')
  })

  t.test('paging links follow the query', async t => {
    const query = new DrupalJsonApiParams().addSort('title').addPageLimit(3).getQueryString()
    const first = expectDocument<ListDocument>(t, await site.get(`/jsonapi/article?${query}`), 200)
    t.same(idsOf(first).map(id => key.get(id)), ['a1', 'a2', 'a5'])
    t.notOk(first.links.prev, 'no prev link on the first page')
    const next = new URL(first.links.next ?? '')
    const second = expectDocument<ListDocument>(t, await site.get(next.pathname + next.search), 200)
    t.same(idsOf(second).map(id => key.get(id)), ['a7', 'a3', 'a8'])
    t.ok(second.links.prev, 'prev link')
    const third = new URL(second.links.next ?? '')
    const last = expectDocument<ListDocument>(t, await site.get(third.pathname + third.search), 200)
    t.same(idsOf(last).map(id => key.get(id)), ['a6'])
    t.notOk(last.links.next, 'no next link on the last page')
  })
})
