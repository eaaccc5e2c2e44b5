// Unique fields (the article's slug): a clash is a 422 on the field whatever the path — create and
// published saves meet the unique index, a pending draft is checked before it is written — and
// leaves no row; of concurrent creates with one slug exactly one wins.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { CONTENT, bootSite, countRows, doc, errors, pointers, resource } from './helpers.js'

eachDatabase(t, 'a unique value held by another item is a 422 on the field and writes nothing', async (t, db) => {
  const site = await bootSite(t, db)
  const type = site.kernel.contentTypes.require('article')
  const first = await site.create('article', { title: 'First', slug: 'first', moderation_state: 'published' })
  const second = await site.create('article', { title: 'Second', slug: 'second', moderation_state: 'published' })
  const rows = async () => [await countRows(site, type.table), await countRows(site, type.revisionTable)]
  const before = await rows()

  const created = await site.api(site.adminToken, 'POST', `${CONTENT}/article`, doc('article', { title: 'Third', slug: 'first' }))
  t.equal(created.statusCode, 422, 'create with a taken slug → 422')
  t.strictSame(pointers(created), ['/data/attributes/slug'], 'one error, on the slug')
  t.match(errors(created)[0], { code: 'VALIDATION', detail: 'another article already has this slug' })
  t.notMatch(created.body, /ER_DUP_ENTRY|SQLITE_CONSTRAINT|INSERT/, 'no driver error leaks')

  const published = await site.patch('article', second.id, { slug: 'first' })
  t.equal(published.statusCode, 422, 'a published save taking another item\'s slug → 422')
  t.strictSame(pointers(published), ['/data/attributes/slug'])

  const draft = await site.patch('article', second.id, { slug: 'first', moderation_state: 'draft' })
  t.equal(draft.statusCode, 422, 'a pending draft taking another item\'s slug → 422 (it does not touch the item row)')
  t.strictSame(pointers(draft), ['/data/attributes/slug'])
  t.strictSame(await rows(), before, 'no item or revision row was written')
  t.equal((await site.get('article', second.id, '?resourceVersion=rel:latest-version')).attributes.slug, 'second', 'the item keeps its slug')

  t.equal((await site.patch('article', first.id, { slug: 'first', title: 'First again' })).statusCode, 200, 'an item may keep its own slug')
  t.equal((await site.patch('article', first.id, { slug: 'renamed' })).statusCode, 200, 'a free slug is accepted')
  t.equal((await site.patch('article', second.id, { slug: 'first' })).statusCode, 200, 'a slug freed by a rename can be taken')
})

eachDatabase(t, 'of concurrent creates with one slug exactly one is saved, the others are 422 on the slug', async (t, db) => {
  const site = await bootSite(t, db)
  const type = site.kernel.contentTypes.require('article')
  const responses = await Promise.all([1, 2, 3, 4, 5].map(n =>
    site.api(site.adminToken, 'POST', `${CONTENT}/article`, doc('article', { title: `Racer ${n}`, slug: 'race' }))))
  const statuses = responses.map(r => r.statusCode).sort()
  t.strictSame(statuses, [201, 422, 422, 422, 422], 'one 201, four 422')
  for (const response of responses.filter(r => r.statusCode === 422)) t.strictSame(pointers(response), ['/data/attributes/slug'])
  const winner = resource(responses.find(r => r.statusCode === 201) ?? responses[0] as never)
  t.equal(await countRows(site, type.table, { slug: 'race' }), 1, 'one item row')
  t.equal(await countRows(site, type.revisionTable, { id: winner.id }), 1, 'one revision, the winner\'s')
  t.equal(await countRows(site, type.revisionTable), 1, 'the losers left no revision')
})
