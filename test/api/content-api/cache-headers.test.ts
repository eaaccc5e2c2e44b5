// HTTP caching: strong ETags, 304 on If-None-Match (lists, items, weak forms, "*"),
// Cache-Control by caller, Surrogate-Key with list and item tags, included items too.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, expectDocument, type ListDocument } from './helpers.js'
import { seedBlog } from './seed.js'

eachDatabase(t, 'cache headers and 304', async (t, db) => {
  const site = await bootApi(t, db)
  const ids = await seedBlog(site.kernel)

  t.test('a second read is served from the cache, byte for byte', async t => {
    const first = await site.get('/jsonapi/article?sort=title')
    const second = await site.get('/jsonapi/article?sort=title', { headers: { 'x-sql-statements': 'count' } })
    t.equal(first.headers['x-cache'], 'MISS')
    t.equal(second.headers['x-cache'], 'HIT')
    t.equal(second.body, first.body)
    t.equal(second.headers.etag, first.headers.etag)
    t.match(first.headers.etag, /^"[A-Za-z0-9_-]{32}"$/, 'a strong ETag')
    t.equal(second.headers['x-sql-statements'], '0', 'no SQL beyond resolving the caller')
    t.notOk('x-sql-statements' in first.headers, 'counted only when asked for')
  })

  t.test('If-None-Match', async t => {
    for (const url of ['/jsonapi/article', `/jsonapi/article/${ids.a1}?include=tags`, `/jsonapi/article/${ids.a1}/relationships/tags`, '/jsonapi']) {
      const { etag } = (await site.get(url)).headers as { etag: string }
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const response = await site.get(url, { headers: { 'if-none-match': header } })
        t.equal(response.statusCode, 304, `${url} If-None-Match: ${header}`)
        t.equal(response.body, '', '304 has no body')
        t.equal(response.headers.etag, etag, '304 repeats the ETag')
      }
      expectDocument(t, await site.get(url, { headers: { 'if-none-match': '"stale"' } }), 200, `${url} with another ETag`)
    }
  })

  t.test('Cache-Control and Vary', async t => {
    const anonymous = await site.get('/jsonapi/article')
    t.equal(anonymous.headers['cache-control'], 'public, max-age=0, must-revalidate')
    t.equal(anonymous.headers.vary, 'Authorization')
    const admin = await site.get('/jsonapi/article', { token: site.adminToken })
    t.equal(admin.headers['cache-control'], 'private, no-store')
    t.not(admin.headers.etag, anonymous.headers.etag, 'the administrator sees another list (with the draft)')
  })

  t.test('Surrogate-Key: list tag, item tags, included and referenced items', async t => {
    const keys = (value: unknown) => String(value).split(' ').sort()
    const list = await site.get('/jsonapi/article?filter[tags.name]=News&include=author')
    const body = list.json<ListDocument>()
    t.same(body.data.map(r => r.id).sort(), [ids.a1, ids.a3].sort())
    t.same(keys(list.headers['surrogate-key']), [
      'article', `article:${ids.a1}`, `article:${ids.a3}`, `author:${ids.ada}`, `author:${ids.alan}`, 'tag'
    ].sort(), 'filtering through tags makes the list depend on every tag')
    const hidden = await site.get(`/jsonapi/article/${ids.a2}?include=author`)
    t.same(keys(hidden.headers['surrogate-key']), [`article:${ids.a2}`, `author:${ids.grace}`].sort(), 'a hidden target is tagged, not shown')
    t.same(hidden.json<{ included: unknown[] }>().included, [])
    const users = await site.get('/jsonapi/user')
    t.match(String(users.headers['surrogate-key']), /^user( user:[0-9a-f-]{36})+$/)
  })

  t.test('without the server cache: ETags and 304s still', async t => {
    const plain = await bootApi(t, db, { cache: { enabled: false } })
    const first = await plain.get('/jsonapi/article')
    const second = await plain.get('/jsonapi/article')
    t.equal(second.headers['x-cache'], 'MISS', 'never a hit')
    t.equal(second.headers.etag, first.headers.etag, 'the same body gives the same ETag')
    t.equal((await plain.get('/jsonapi/article', { headers: { 'if-none-match': String(first.headers.etag) } })).statusCode, 304)
  })

  t.test('the cache is bounded (LRU)', async t => {
    const small = await bootApi(t, db, { cache: { maxEntries: 2 } })
    for (const url of ['/jsonapi/tag', '/jsonapi/author', '/jsonapi/tag', '/jsonapi/article']) await small.get(url)
    t.equal((await small.get('/jsonapi/tag')).headers['x-cache'], 'HIT', 'recently used entries stay')
    t.equal((await small.get('/jsonapi/author')).headers['x-cache'], 'MISS', 'the least recently used one was evicted')
  })
})
