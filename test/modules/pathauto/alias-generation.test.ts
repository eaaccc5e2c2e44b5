// Saving an article generates /blog/{year created}/{slug of title}; collisions get -2, -3, also under concurrent saves.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { SYSTEM, createContent } from '../../../core/index.js'
import { bootSite, secondKernel } from '../../api/workflow/helpers.js'
import { aliasesOf, currentAliasOf, resolvePath, resolved, yearOf } from './helpers.js'

eachDatabase(t, 'an alias is generated on save from the pattern', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'Hello, Headless World!', moderation_state: 'published' })
  const year = yearOf(item.attributes.created)
  t.equal(await currentAliasOf(site, item.id), `/blog/${year}/hello-headless-world`, 'the alias follows /blog/{{year created}}/{{slugify title}}')
  const old = await site.create('article', { title: 'Crème brûlée à la carte', created: '2019-05-01T12:00:00Z', moderation_state: 'published' })
  t.equal(await currentAliasOf(site, old.id), '/blog/2019/creme-brulee-a-la-carte', 'the year comes from created, accents are folded')
  const draft = await site.create('article', { title: 'Drafts get aliases too' })
  t.equal(await currentAliasOf(site, draft.id), `/blog/${yearOf(draft.attributes.created)}/drafts-get-aliases-too`, 'a draft (default revision) gets its alias at once')
  const tag = await site.create('tag', { name: 'No pattern', status: true })
  t.same(await aliasesOf(site, tag.id), [], 'a type without a pattern gets no alias')
  const response = await resolvePath(site, `/blog/${year}/hello-headless-world`)
  t.equal(response.statusCode, 200, 'the alias resolves')
  t.equal(resolved(response).id, item.id, 'to the item')
})

eachDatabase(t, 'the same title three times gets -2 and -3', async (t, db) => {
  const site = await bootSite(t, db)
  const ids = []
  for (let i = 0; i < 3; i++) ids.push((await site.create('article', { title: 'Same title', moderation_state: 'published' })).id)
  const year = new Date().getUTCFullYear()
  const paths = []
  for (const id of ids) paths.push(await currentAliasOf(site, id))
  t.same(paths, [`/blog/${year}/same-title`, `/blog/${year}/same-title-2`, `/blog/${year}/same-title-3`], 'first, -2, -3')
  for (const [i, path] of paths.entries()) t.equal(resolved(await resolvePath(site, path ?? '')).id, ids[i], `${String(path)} resolves to its own item`)
  const similar = await site.create('article', { title: 'Same title 2', moderation_state: 'published' })
  t.equal(await currentAliasOf(site, similar.id), `/blog/${year}/same-title-2-2`, 'a title that slugifies to a taken suffix gets its own suffix')
})

eachDatabase(t, 'concurrent saves of one title all get distinct aliases', async (t, db) => {
  const site = await bootSite(t, db)
  // On MySQL half the saves come from a second kernel on the same database (another process).
  const other = db.dialect === 'mysql' ? await secondKernel(t, db) : undefined
  const count = 10
  const body = () => ({ data: { type: 'article', attributes: { title: 'Breaking news', moderation_state: 'published' } } })
  const saves = Array.from({ length: count }, async (_, i): Promise<string> => {
    if (other && i % 2 === 1) return (await createContent(other, SYSTEM, 'article', body())).id
    const response = await site.api(site.adminToken, 'POST', '/admin/api/content/article', body())
    if (response.statusCode !== 201) throw new Error(`save ${i}: ${response.statusCode} ${response.body.slice(0, 300)}`)
    return response.json<{ data: { id: string } }>().data.id
  })
  const outcomes = await Promise.allSettled(saves)
  const failures = outcomes.flatMap(o => o.status === 'rejected' ? [String(o.reason)] : [])
  t.same(failures, [], `all ${count} concurrent saves succeed`)
  const ids = outcomes.flatMap(o => o.status === 'fulfilled' ? [o.value] : [])
  const paths = []
  for (const id of ids) paths.push(await currentAliasOf(site, id))
  t.equal(new Set(paths).size, count, 'every item has its own alias')
  const year = new Date().getUTCFullYear()
  t.same([...paths].sort(), [`/blog/${year}/breaking-news`, ...Array.from({ length: count - 1 }, (_, i) => `/blog/${year}/breaking-news-${i + 2}`)].sort(), 'the base path and -2 … -10, without gaps')
  for (const [i, path] of paths.entries()) t.equal(resolved(await resolvePath(site, path ?? '')).id, ids[i], `${String(path)} resolves to its item`)
})
