// GET /router/resolve: published items resolve for anyone, drafts only for callers who may view them, unknown paths 404, bad parameters 400; deleting an item removes its aliases.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, errors } from '../../api/workflow/helpers.js'
import { aliasesOf, currentAliasOf, resolve, resolvePath, resolved } from './helpers.js'

const year = () => new Date().getUTCFullYear()

eachDatabase(t, 'a published item resolves to its type, id and JSON:API URL', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'Hello world', moderation_state: 'published' })
  const path = `/blog/${year()}/hello-world`
  const response = await resolvePath(site, path)
  t.equal(response.statusCode, 200, 'anonymous → 200')
  const data = resolved(response)
  t.match(data, { type: 'article', id: item.id, path }, 'type, id and path')
  t.match(data.jsonapi, new RegExp(`^https?://[^/]+/jsonapi/article/${item.id}$`), 'an absolute JSON:API URL')
  t.notOk(data.redirect, 'no redirect for the current alias')
  if (site.hasContentApi) {
    const followed = await site.api(null, 'GET', new URL(data.jsonapi).pathname)
    t.equal(followed.statusCode, 200, 'the JSON:API URL serves the item to the same anonymous caller')
    t.equal(followed.json<{ data: { id: string } }>().data.id, item.id, 'the same item')
  }
  const loose = await resolvePath(site, `/Blog/${year()}/Hello-World/`)
  t.equal(loose.statusCode, 200, 'case and a trailing slash are normalised')
  t.equal(resolved(loose).id, item.id, 'to the same item')

  t.equal((await site.patch('article', item.id, { title: 'Hello draft', moderation_state: 'draft' })).statusCode, 200, 'a pending draft')
  t.equal((await resolvePath(site, path)).statusCode, 200, 'the published revision keeps resolving for anonymous callers')
  t.equal((await site.patch('article', item.id, { moderation_state: 'published' })).statusCode, 200, 'published again')
  t.equal((await site.patch('article', item.id, { moderation_state: 'archived' })).statusCode, 200, 'archived')
  t.equal((await resolvePath(site, path)).statusCode, 404, 'an archived item no longer resolves for anonymous callers')
  t.equal((await resolvePath(site, path, site.adminToken)).statusCode, 200, 'but still does for the administrator')
})

eachDatabase(t, 'a draft-only item resolves only for callers who may view it', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'Secret plans' })
  const path = `/blog/${year()}/secret-plans`
  t.equal(await currentAliasOf(site, item.id), path, 'the draft has an alias')
  const anonymous = await resolvePath(site, path)
  t.equal(anonymous.statusCode, 404, 'anonymous → 404')
  t.notMatch(anonymous.body, item.id, 'the 404 does not reveal the id')
  const unknown = await resolvePath(site, `/blog/${year()}/no-such-thing`)
  t.same(errors(anonymous).map(e => e.detail?.replace(/\/\S+/g, '')), errors(unknown).map(e => e.detail?.replace(/\/\S+/g, '')), 'the same answer as an unknown path')
  const reader = await site.user('reader', [])
  t.equal((await resolvePath(site, path, reader.token)).statusCode, 404, 'an authenticated user without "view unpublished" → 404')
  const editor = await site.user('editor', ['editor'])
  t.equal((await resolvePath(site, path, editor.token)).statusCode, 200, 'an editor → 200')
  const admin = await resolvePath(site, path, site.adminToken)
  t.equal(admin.statusCode, 200, 'the administrator → 200')
  t.equal(resolved(admin).id, item.id, 'to the draft')
})

eachDatabase(t, 'unknown paths are 404, bad parameters 400', async (t, db) => {
  const site = await bootSite(t, db)
  await site.create('article', { title: 'Exists', moderation_state: 'published' })
  t.equal((await resolvePath(site, '/blog/1999/nothing-here')).statusCode, 404, 'an unknown path → 404')
  t.equal((await resolvePath(site, '/')).statusCode, 404, 'the root → 404')
  const cases: Array<[string, string, string]> = [
    ['no path', '', 'path'],
    ['an empty path', 'path=', 'path'],
    ['a path given twice', 'path=/a&path=/b', 'path'],
    ['a nested path', 'path[x]=/a', 'path'],
    ['an over-long path', `path=/${'a'.repeat(1200)}`, 'path'],
    ['an unknown parameter', `path=/blog/${year()}/exists&include=author`, 'include']
  ]
  for (const [label, query, parameter] of cases) {
    const response = await resolve(site, query)
    t.equal(response.statusCode, 400, `${label} → 400 (got ${response.statusCode})`)
    t.equal(errors(response)[0]?.source?.parameter, parameter, `${label} names the parameter ${parameter}`)
  }
})

eachDatabase(t, 'deleting an item removes its aliases', async (t, db) => {
  const site = await bootSite(t, db, { pathauto: { regenerate: ['article'] } })
  const item = await site.create('article', { title: 'Short lived', moderation_state: 'published' })
  await site.patch('article', item.id, { title: 'Renamed once', moderation_state: 'published' })
  const keep = await site.create('article', { title: 'Survivor', moderation_state: 'published' })
  t.equal((await aliasesOf(site, item.id)).length, 2, 'two aliases (one redirecting)')
  const removed = await site.api(site.adminToken, 'DELETE', `/admin/api/content/article/${item.id}`)
  t.equal(removed.statusCode, 204, 'the item is deleted')
  t.same(await aliasesOf(site, item.id), [], 'its aliases are gone')
  t.equal((await resolvePath(site, `/blog/${year()}/short-lived`)).statusCode, 404, 'the old alias → 404')
  t.equal((await resolvePath(site, `/blog/${year()}/renamed-once`)).statusCode, 404, 'the current alias → 404')
  t.equal(await countRows(site, 'pathauto_aliases', { item_id: keep.id }), 1, 'other items keep theirs')
  t.equal((await resolvePath(site, `/blog/${year()}/survivor`)).statusCode, 200, 'and still resolve')
})
