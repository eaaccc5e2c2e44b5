// Anonymous callers get 401 (with WWW-Authenticate) on every admin content route, whatever the
// anonymous role holds, for existing and unknown items alike, and nothing is written.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { jsonApiViolations } from '../../helpers/jsonapi-schema.js'
import { bootContent, CONTENT, doc, type Method } from './helpers.js'

eachDatabase(t, 'anonymous callers on the admin content routes', async (t, db) => {
  const site = await bootContent(t, db)
  const patched = await site.as(site.adminToken, {
    method: 'PATCH', url: '/admin/api/roles/anonymous', payload: { permissions: ['access content', 'create article content', 'edit any article content', 'delete any article content', 'view article revisions', 'revert article revisions'] }
  })
  t.equal(patched.statusCode, 200, 'the anonymous role is generous')
  const item = await site.create('article', { title: 'Published', status: true })
  const rev = String(item.meta?.revision)
  const missing = '00000000-0000-4000-8000-000000000000'
  const routes: Array<[Method, string, unknown?]> = [
    ['GET', `${CONTENT}/article`],
    ['GET', `${CONTENT}/article?filter[title]=Published&page[total]=true`],
    ['POST', `${CONTENT}/article`, doc('article', { title: 'anon' })],
    ['GET', `${CONTENT}/article/${item.id}`],
    ['GET', `${CONTENT}/article/${item.id}?resourceVersion=id:${rev}`],
    ['GET', `${CONTENT}/article/${item.id}?resourceVersion=rel:latest-version`],
    ['PATCH', `${CONTENT}/article/${item.id}`, doc('article', { title: 'anon' }, undefined, item.id)],
    ['DELETE', `${CONTENT}/article/${item.id}`],
    ['GET', `${CONTENT}/article/${item.id}/revisions`],
    ['GET', `${CONTENT}/article/${item.id}/revisions/${rev}`],
    ['POST', `${CONTENT}/article/${item.id}/revisions/${rev}/revert`],
    ['GET', `${CONTENT}/article/${missing}`],
    ['GET', `${CONTENT}/nosuchtype`],
    ['GET', `${CONTENT}/tag`]
  ]
  for (const [method, url, payload] of routes) {
    const response = await site.api(null, method, url, payload)
    t.equal(response.statusCode, 401, `${method} ${url}`)
    t.equal(response.headers['www-authenticate'], 'Bearer')
    t.equal(jsonApiViolations(response.json()), '', 'a valid JSON:API error document')
  }
  const bare = await site.app.inject({ method: 'GET', url: `${CONTENT}/article` })
  t.equal(bare.statusCode, 401, 'without any Accept header too')
  const stored = await site.api(site.adminToken, 'GET', `${CONTENT}/article/${item.id}`)
  t.equal(stored.json<{ data: { attributes: { title: string }, meta: { version: number } } }>().data.attributes.title, 'Published', 'nothing written')
  t.equal(stored.json<{ data: { meta: { version: number } } }>().data.meta.version, 1)
  t.same(await site.ids(site.adminToken, `${CONTENT}/article`), [item.id], 'nothing created')
})
