// Cache hits answered by the onRequest lookup (core/http/content-api/cache-lookup.ts): every
// earlier decision still wins (401 for bad credentials, 406, 400), callers never share entries
// across access contexts, HEAD and conditional requests are answered from the entry.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, type ListDocument } from './helpers.js'
import { seedBlog } from './seed.js'

eachDatabase(t, 'cache lookup before the route', async (t, db) => {
  const site = await bootApi(t, db)
  const ids = await seedBlog(site.kernel)
  const url = '/jsonapi/article?sort=title'
  const warm = await site.get(url)
  t.equal(warm.headers['x-cache'], 'MISS')
  t.equal((await site.get(url)).headers['x-cache'], 'HIT')

  t.test('earlier answers win over a hit', async t => {
    t.equal((await site.get(url, { headers: { accept: 'text/html' } })).statusCode, 406)
    t.equal((await site.get(url, { headers: { authorization: 'Bearer not-a-token' } })).statusCode, 401)
    t.equal((await site.get(url, { headers: { authorization: 'Basic abc' } })).statusCode, 401)
    t.equal((await site.get(`${url}&filter[__proto__]=1`)).statusCode, 400)
  })

  t.test('an authenticated caller has its own entry', async t => {
    const first = await site.get(url, { token: site.adminToken })
    t.equal(first.headers['x-cache'], 'MISS', 'not the anonymous entry')
    t.equal(first.headers['cache-control'], 'private, no-store')
    t.ok(first.json<ListDocument>().data.some(r => r.id === ids.a4), 'the draft is listed for the administrator')
    t.notOk(warm.json<ListDocument>().data.some(r => r.id === ids.a4), 'not for anonymous')
    const second = await site.get(url, { token: site.adminToken })
    t.equal(second.headers['x-cache'], 'HIT')
    t.equal(second.body, first.body)
    t.equal(second.headers['cache-control'], 'private, no-store')
    t.equal((await site.get(url)).body, warm.body, 'anonymous still gets its own')
  })

  t.test('HEAD and If-None-Match from the entry', async t => {
    const head = await site.get(url, { method: 'HEAD' })
    t.equal(head.statusCode, 200)
    t.equal(head.headers['x-cache'], 'HIT')
    t.equal(head.body, '')
    t.equal(head.headers.etag, warm.headers.etag)
    t.equal(head.headers['content-length'], warm.headers['content-length'])
    t.equal(head.headers['content-type'], warm.headers['content-type'])
    const conditional = await site.get(url, { headers: { 'if-none-match': String(warm.headers.etag) } })
    t.equal(conditional.statusCode, 304)
    t.equal(conditional.headers['x-cache'], 'HIT')
  })
})
