// Aliases survive title changes by default; with `regenerate: ['article']` they follow the title on publish and old aliases redirect.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite } from '../../api/workflow/helpers.js'
import { aliasesOf, currentAliasOf, resolvePath, resolved } from './helpers.js'

const year = () => new Date().getUTCFullYear()

eachDatabase(t, 'by default an alias is kept when the title changes', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'First title', moderation_state: 'published' })
  const first = `/blog/${year()}/first-title`
  t.equal(await currentAliasOf(site, item.id), first, 'the first alias')
  const renamed = await site.patch('article', item.id, { title: 'Second title', moderation_state: 'published' })
  t.equal(renamed.statusCode, 200, 'renaming → 200')
  t.same(await aliasesOf(site, item.id), [{ path: first, current: true }], 'the alias is kept, no new one')
  const response = await resolvePath(site, first)
  t.equal(response.statusCode, 200, 'the kept alias resolves')
  t.notOk(resolved(response).redirect, 'without a redirect')
  t.equal((await resolvePath(site, `/blog/${year()}/second-title`)).statusCode, 404, 'the new title has no alias')
})

eachDatabase(t, 'with regenerate the alias follows the published title and old aliases redirect', async (t, db) => {
  const site = await bootSite(t, db, { pathauto: { regenerate: ['article'] } })
  const item = await site.create('article', { title: 'First title', moderation_state: 'published' })
  const [first, second, third] = ['first-title', 'second-title', 'third-title'].map(s => `/blog/${year()}/${s}`) as [string, string, string]

  t.equal((await site.patch('article', item.id, { title: 'Second title', moderation_state: 'published' })).statusCode, 200, 'renamed and published')
  t.equal(await currentAliasOf(site, item.id), second, 'the current alias follows the title')
  const old = await resolvePath(site, first)
  t.equal(old.statusCode, 200, 'the old alias still resolves')
  t.same(resolved(old).redirect, { from: first, to: second, status: 301 }, 'with a redirect to the current one')
  t.equal(resolved(old).id, item.id, 'to the same item')
  t.equal(resolved(old).path, second, 'naming the current path')
  t.notOk(resolved(await resolvePath(site, second)).redirect, 'the current alias has no redirect')

  t.equal((await site.patch('article', item.id, { title: 'Third title', moderation_state: 'draft' })).statusCode, 200, 'a pending draft renames it')
  t.equal(await currentAliasOf(site, item.id), second, 'a pending draft does not move the alias')
  t.equal((await resolvePath(site, third)).statusCode, 404, 'the draft title has no alias yet')
  t.equal((await site.patch('article', item.id, { moderation_state: 'published' })).statusCode, 200, 'the draft is published')
  t.equal(await currentAliasOf(site, item.id), third, 'publishing moves the alias')
  t.same(resolved(await resolvePath(site, first)).redirect?.to, third, 'the oldest alias redirects to the newest')

  t.equal((await site.patch('article', item.id, { title: 'Second title', moderation_state: 'published' })).statusCode, 200, 'back to the second title')
  t.equal(await currentAliasOf(site, item.id), second, 'its own earlier alias becomes current again')
  t.equal((await aliasesOf(site, item.id)).length, 3, 'without a new row')

  const other = await site.create('article', { title: 'First title', moderation_state: 'published' })
  t.equal(await currentAliasOf(site, other.id), `${first}-2`, 'an old alias stays reserved for its item: a new item gets -2')
})

eachDatabase(t, 'with regenerate a suffixed alias is stable across saves', async (t, db) => {
  const site = await bootSite(t, db, { pathauto: { regenerate: ['article'] } })
  await site.create('article', { title: 'Same', moderation_state: 'published' })
  const second = await site.create('article', { title: 'Same', moderation_state: 'published' })
  const path = `/blog/${year()}/same-2`
  t.equal(await currentAliasOf(site, second.id), path, 'the second item gets -2')
  for (const summary of ['one', 'two']) {
    t.equal((await site.patch('article', second.id, { summary, moderation_state: 'published' })).statusCode, 200, `saved with summary ${summary}`)
    t.same(await aliasesOf(site, second.id), [{ path, current: true }], `still ${path} and nothing else`)
  }
})
