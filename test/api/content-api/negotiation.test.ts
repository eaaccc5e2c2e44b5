// The protocol rules: read-only (405 with Allow, before any body is read), Accept (406),
// Content-Type (415), HEAD, unknown routes and types — every answer a valid JSON:API document.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, expectDocument, expectErrors, JSONAPI } from './helpers.js'
import { seedBlog } from './seed.js'

eachDatabase(t, 'content negotiation and methods', async (t, db) => {
  const site = await bootApi(t, db)
  const ids = await seedBlog(site.kernel)
  const urls = ['/jsonapi', '/jsonapi/article', `/jsonapi/article/${ids.a1}`, `/jsonapi/article/${ids.a1}/tags`, `/jsonapi/article/${ids.a1}/relationships/tags`]

  t.test('writes are 405 with Allow on every route, whatever the body', async t => {
    for (const url of urls) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const response = await site.app.inject({ method, url, headers: { 'content-type': 'text/xml' }, payload: '<not-json/>' })
        expectErrors(t, response, 405, `${method} ${url}`)
        t.equal(response.headers.allow, 'GET, HEAD', `${method} ${url} Allow`)
      }
    }
    const asAdmin = await site.as(site.adminToken, { method: 'DELETE', url: `/jsonapi/article/${ids.a1}` })
    expectErrors(t, asAdmin, 405, 'even for an administrator')
    const still = await site.get(`/jsonapi/article/${ids.a1}`)
    t.equal(still.statusCode, 200, 'nothing was deleted')
  })

  t.test('Accept', async t => {
    for (const accept of [JSONAPI, `${JSONAPI}; ext="https://example.com/ext"`, 'application/json', '*/*', `text/html, ${JSONAPI}`, 'application/*']) {
      expectDocument(t, await site.get('/jsonapi/article', { headers: { accept } }), 200, `Accept: ${accept}`)
    }
    for (const accept of [`${JSONAPI}; charset=utf-8`, 'text/html', 'image/png, text/plain']) {
      const errors = expectErrors(t, await site.get('/jsonapi/article', { headers: { accept } }), 406, `Accept: ${accept}`)
      t.equal(errors[0]?.source?.header, 'Accept')
    }
  })

  t.test('Content-Type on reads', async t => {
    expectDocument(t, await site.get('/jsonapi/article', { headers: { 'content-type': JSONAPI } }), 200, 'plain JSON:API type')
    for (const type of [`${JSONAPI}; charset=utf-8`, `${JSONAPI}; version=1`, 'text/plain']) {
      const errors = expectErrors(t, await site.get('/jsonapi/article', { headers: { 'content-type': type } }), 415, type)
      t.equal(errors[0]?.source?.header, 'Content-Type')
    }
  })

  t.test('HEAD answers like GET without a body', async t => {
    const get = await site.get('/jsonapi/article')
    const head = await site.get('/jsonapi/article', { method: 'HEAD' })
    t.equal(head.statusCode, 200)
    t.equal(head.body, '')
    t.equal(head.headers.etag, get.headers.etag, 'same ETag')
    t.equal(head.headers['content-type'], JSONAPI)
  })

  t.test('unknown things are 404 documents; unknown parameters 400', async t => {
    expectErrors(t, await site.get('/jsonapi/nope'), 404, 'unknown type')
    expectErrors(t, await site.get('/jsonapi/article/00000000-0000-7000-8000-000000000000'), 404, 'unknown id')
    expectErrors(t, await site.get('/jsonapi/article/not-a-uuid'), 404, 'malformed id')
    expectErrors(t, await site.get(`/jsonapi/article/${ids.a4}`), 404, 'hidden item (not 403)')
    expectErrors(t, await site.get(`/jsonapi/article/${ids.a1}/nope`), 404, 'unknown relationship')
    expectErrors(t, await site.get(`/jsonapi/article/${ids.a1}/title`), 404, 'an attribute is not a relationship')
    expectErrors(t, await site.get(`/jsonapi/article/${ids.a1}/relationships/nope`), 404, 'unknown relationship linkage')
    expectErrors(t, await site.get('/jsonapi/article/a/b/c/d'), 404, 'no such route')
    const errors = expectErrors(t, await site.get('/jsonapi/article?foo=1'), 400, 'unknown parameter')
    t.equal(errors[0]?.source?.parameter, 'foo')
    expectErrors(t, await site.get('/jsonapi?sort=title'), 400, 'the index takes no parameters')
    expectErrors(t, await site.get(`/jsonapi/article/${ids.a1}?sort=title`), 400, 'an item takes no sort')
    expectErrors(t, await site.get(`/jsonapi/article/${ids.a1}/relationships/tags?include=tags`), 400, 'linkage takes no include')
  })

  t.test('errors carry an ETag and are never stored', async t => {
    const response = await site.get('/jsonapi/nope')
    t.match(response.headers.etag, /^"[A-Za-z0-9_-]+"$/)
    t.equal(response.headers['cache-control'], 'no-store')
  })
})
