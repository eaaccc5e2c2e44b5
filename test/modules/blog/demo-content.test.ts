// The blog's demo content: published articles (through editorial when enabled) with authors, tags and URL aliases, seeded once.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, secondKernel } from '../../api/workflow/helpers.js'
import { bootIdentity } from '../../api/auth/helpers.js'
import { findContent } from '../../../core/content/operations/find.js'
import { SYSTEM } from '../../../core/access/actor.js'

const TITLES = ['Filtering like Drupal', 'Hello, headless world', 'Release 0.1']

eachDatabase(t, 'demo content under editorial and pathauto', async (t, db) => {
  const site = await bootSite(t, db, { demoContent: true })
  const articles = await site.readerList('article')
  t.same(articles.map(a => a.attributes.title).sort(), TITLES, 'anonymous readers get the three demo articles')
  t.equal((await site.readerList('author')).length, 2, 'two authors')
  t.equal((await site.readerList('tag')).length, 3, 'three tags')
  const all = await findContent(site.kernel, SYSTEM, 'article', { sort: [], page: { kind: 'offset', offset: 0, limit: 50 }, total: false })
  t.ok(all.items.every(a => a.moderationState === 'published' && a.status), 'every article is in moderation state published')
  t.ok(all.items.every(a => (a.values.author as { id?: string } | null)?.id !== undefined), 'every article has an author')
  t.ok(all.items.every(a => Array.isArray(a.values.tags) && a.values.tags.length > 0), 'and tags')

  const hello = all.items.find(a => a.values.title === 'Hello, headless world')
  const path = `/blog/${new Date(String(hello?.created)).getUTCFullYear()}/hello-headless-world`
  const resolved = await site.json(null, 'GET', `/router/resolve?path=${path}`)
  t.equal(resolved.statusCode, 200, `${path} resolves`)
  t.equal(resolved.json<{ data: { id: string } }>().data.id, hello?.id, 'to the demo article')
  t.equal(await countRows(site, 'pathauto_aliases', { type: 'article' }), 3, 'one alias per demo article')

  await secondKernel(t, db, { demoContent: true })
  t.equal(await countRows(site, site.kernel.contentTypes.require('article').table), 3, 'a second boot seeds nothing more')
})

eachDatabase(t, 'demo content without editorial publishes by status', async (t, db) => {
  const site = await bootIdentity(t, db, { modules: ['blog'], demoContent: true })
  const all = await findContent(site.kernel, SYSTEM, 'article', { sort: [], page: { kind: 'offset', offset: 0, limit: 50 }, total: false })
  t.same(all.items.map(a => a.values.title).sort(), TITLES, 'the three articles')
  t.ok(all.items.every(a => a.status && a.moderationState === null), 'published by status, with no moderation state')
})
