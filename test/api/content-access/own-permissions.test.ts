// An author with only "own" article permissions, through every admin content route: their own
// items are theirs to read, edit and delete; others' are read-only when published, hidden otherwise.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, doc, OWN_ARTICLE, resource } from './helpers.js'

eachDatabase(t, 'an author with own permissions', async (t, db) => {
  const site = await bootContent(t, db)
  const { api, create } = site
  await site.role('author', OWN_ARTICLE)
  const alice = await site.user('alice', ['author'])
  const bob = await site.user('bob', ['author'])
  const url = (id: string, rest = '') => `${CONTENT}/article/${id}${rest}`

  const created = await api(alice.token, 'POST', `${CONTENT}/article`, doc('article', { title: 'Mine' }))
  t.equal(created.statusCode, 201, 'may create')
  const mine = resource(created)
  t.same(mine.relationships.uid?.data, { type: 'user', id: alice.id }, 'owned by its creator')
  t.equal(mine.attributes.status, false, 'unpublished by default')

  const bobsPublished = await create('article', { title: 'Bob published', status: true }, { owner: bob.id })
  const bobsDraft = await create('article', { title: 'Bob draft', status: false }, { owner: bob.id })

  const listed = await site.ids(alice.token, `${CONTENT}/article?sort=title`)
  t.same(listed, [bobsPublished.id, mine.id], 'the list holds her draft and published items, not his draft')

  t.equal((await api(alice.token, 'GET', url(mine.id))).statusCode, 200, 'reads her draft')
  t.equal((await api(alice.token, 'GET', url(bobsPublished.id))).statusCode, 200, 'reads his published item')
  t.equal((await api(alice.token, 'GET', url(bobsDraft.id))).statusCode, 404, 'his draft does not exist for her')
  t.equal((await api(alice.token, 'GET', url(bobsDraft.id, '?resourceVersion=rel:latest-version'))).statusCode, 404, 'nor any version of it')

  const edited = await api(alice.token, 'PATCH', url(mine.id), doc('article', { title: 'Mine, edited' }, undefined, mine.id))
  t.equal(edited.statusCode, 200, 'edits her own')
  t.equal(resource(edited).attributes.title, 'Mine, edited')

  const refused = await api(alice.token, 'PATCH', url(bobsPublished.id), doc('article', { title: 'Hijacked' }, undefined, bobsPublished.id))
  t.equal(refused.statusCode, 403, 'cannot edit his published item')
  t.equal(resource(await api(bob.token, 'GET', url(bobsPublished.id))).attributes.title, 'Bob published', 'unchanged')
  t.equal((await api(alice.token, 'PATCH', url(bobsDraft.id), doc('article', { title: 'Hijacked' }, undefined, bobsDraft.id))).statusCode, 404, 'his draft: 404')
  t.equal(resource(await api(bob.token, 'GET', url(bobsDraft.id))).attributes.title, 'Bob draft', 'unchanged')

  const revisions = await api(alice.token, 'GET', url(mine.id, '/revisions'))
  t.equal(revisions.statusCode, 403, 'no revision history without "view article revisions"')
  const firstRev = String(mine.meta?.revision)
  t.equal((await api(alice.token, 'GET', url(mine.id, `/revisions/${firstRev}`))).statusCode, 403, 'nor one revision')
  t.equal((await api(alice.token, 'GET', url(mine.id, `?resourceVersion=id:${firstRev}`))).statusCode, 403, 'nor resourceVersion=id:N')
  t.equal((await api(alice.token, 'POST', url(mine.id, `/revisions/${firstRev}/revert`))).statusCode, 403, 'no revert without "revert article revisions"')
  t.equal((await api(alice.token, 'GET', url(bobsDraft.id, '/revisions'))).statusCode, 404, 'his draft has no history for her')

  t.equal((await api(alice.token, 'DELETE', url(bobsPublished.id))).statusCode, 403, 'cannot delete his published item')
  t.equal((await api(alice.token, 'DELETE', url(bobsDraft.id))).statusCode, 404, 'nor his draft')
  t.equal((await api(bob.token, 'GET', url(bobsDraft.id))).statusCode, 200, 'both still there')
  t.equal((await api(alice.token, 'DELETE', url(mine.id))).statusCode, 204, 'deletes her own')
  t.equal((await api(alice.token, 'GET', url(mine.id))).statusCode, 404, 'gone')

  const next = resource(await api(alice.token, 'POST', `${CONTENT}/article`, doc('article', { title: 'Next' })))
  const demoted = await site.as(site.adminToken, { method: 'PATCH', url: `/admin/api/users/${alice.id}`, payload: { roles: [] } })
  t.equal(demoted.statusCode, 200, 'the author role is taken away')
  t.equal((await api(alice.token, 'GET', url(next.id))).statusCode, 404, 'her draft is hidden from her on the next request')
  t.equal((await api(alice.token, 'POST', `${CONTENT}/article`, doc('article', { title: 'More' }))).statusCode, 403, 'and she creates nothing')
})
