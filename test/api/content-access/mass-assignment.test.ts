// Server-owned members cannot be set by callers: uid and created need "bypass content access",
// status needs "edit any"; each attempt is 403 naming the member, and nothing is written.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { jsonApiViolations } from '../../helpers/jsonapi-schema.js'
import { bootContent, CONTENT, doc, errors, OWN_ARTICLE, resource } from './helpers.js'

eachDatabase(t, 'mass assignment of server-owned members', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, kernel } = site
  await site.role('author', OWN_ARTICLE)
  const alice = await site.user('alice', ['author'])
  const mallory = await site.user('mallory', ['author'])
  const editor = await site.user('editor', ['editor'])
  const articles = async () => Number(((await kernel.db.knex(kernel.contentTypes.require('article').table).count({ n: '*' })) as Array<{ n: number | string }>)[0]?.n)
  const uid = (id: string) => ({ uid: { data: { type: 'user', id } } })
  const attempts: Array<[string, Record<string, unknown>, Record<string, unknown> | undefined, string]> = [
    ['uid', { title: 'x' }, uid(alice.id), '/data/relationships/uid'],
    ['a null uid', { title: 'x' }, { uid: { data: null } }, '/data/relationships/uid'],
    ['created', { title: 'x', created: '2001-01-01T00:00:00Z' }, undefined, '/data/attributes/created'],
    ['status', { title: 'x', status: true }, undefined, '/data/attributes/status'],
    ['status false', { title: 'x', status: false }, undefined, '/data/attributes/status']
  ]

  for (const [what, attributes, relationships, pointer] of attempts) {
    const response = await api(mallory.token, 'POST', `${CONTENT}/article`, doc('article', attributes, relationships))
    t.equal(response.statusCode, 403, `create with ${what}: 403`)
    t.equal(jsonApiViolations(response.json()), '', 'a valid JSON:API error document')
    t.equal(errors(response)[0]?.source?.pointer, pointer)
  }
  t.equal(await articles(), 0, 'nothing written')

  const own = resource(await api(mallory.token, 'POST', `${CONTENT}/article`, doc('article', { title: 'mine' })))
  const alices = await site.create('article', { title: 'alice\'s', status: true }, { owner: alice.id })
  for (const [what, attributes, relationships, pointer] of attempts) {
    const response = await api(mallory.token, 'PATCH', `${CONTENT}/article/${own.id}`, doc('article', attributes, relationships, own.id))
    t.equal(response.statusCode, 403, `update with ${what}: 403`)
    t.equal(errors(response)[0]?.source?.pointer, pointer)
  }
  const stored = resource(await api(site.adminToken, 'GET', `${CONTENT}/article/${own.id}`))
  t.match(stored.attributes, { title: 'mine', status: false, created: own.attributes.created }, 'nothing written')
  t.same(stored.relationships.uid?.data, { type: 'user', id: mallory.id })
  t.equal(stored.meta?.version, 1)
  t.equal((await api(mallory.token, 'PATCH', `${CONTENT}/article/${alices.id}`, doc('article', { title: 'x' }, uid(mallory.id), alices.id))).statusCode, 403, 'cannot take another\'s item')
  t.same(resource(await api(site.adminToken, 'GET', `${CONTENT}/article/${alices.id}`)).relationships.uid?.data, { type: 'user', id: alice.id }, 'still hers')

  const published = await api(editor.token, 'PATCH', `${CONTENT}/article/${own.id}`, doc('article', { status: true }, undefined, own.id))
  t.equal(published.statusCode, 200, 'an editor (edit any) may set status')
  t.equal((await api(editor.token, 'PATCH', `${CONTENT}/article/${own.id}`, doc('article', {}, uid(editor.id), own.id))).statusCode, 403, 'but not the owner')
  t.equal((await api(editor.token, 'PATCH', `${CONTENT}/article/${own.id}`, doc('article', { created: '2001-01-01T00:00:00Z' }, undefined, own.id))).statusCode, 403, 'nor created')
  const moved = await api(site.adminToken, 'PATCH', `${CONTENT}/article/${own.id}`, doc('article', { created: '2001-01-01T00:00:00Z' }, uid(alice.id), own.id))
  t.equal(moved.statusCode, 200, 'the administrator (bypass) may set both')
  t.match(resource(moved).attributes, { created: '2001-01-01T00:00:00.000Z' })
  t.same(resource(moved).relationships.uid?.data, { type: 'user', id: alice.id })
  t.equal((await api(mallory.token, 'PATCH', `${CONTENT}/article/${own.id}`, doc('article', { title: 'x' }, undefined, own.id))).statusCode, 403, 'its former owner lost it')
  t.equal((await api(alice.token, 'PATCH', `${CONTENT}/article/${own.id}`, doc('article', { title: 'now hers' }, undefined, own.id))).statusCode, 200, 'its new owner edits it')
})
