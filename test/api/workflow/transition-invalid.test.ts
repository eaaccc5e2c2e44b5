// A transition that does not exist is 422 pointing at moderation_state; status cannot be set directly on a moderated type.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, errors, pointers } from './helpers.js'

eachDatabase(t, 'a transition that does not exist is 422; status cannot be set on a moderated type', async (t, db) => {
  const site = await bootSite(t, db)
  const table = site.kernel.contentTypes.require('article').revisionTable
  const draft = await site.create('article', { title: 'Still a draft' })
  t.equal(draft.attributes.moderation_state, 'draft', 'new articles start as drafts')
  t.equal(draft.attributes.status, false, 'drafts are unpublished')
  const before = await countRows(site, table, { id: draft.id })

  const missing = await site.patch('article', draft.id, { moderation_state: 'archived' })
  t.equal(missing.statusCode, 422, 'draft → archived has no transition: 422')
  t.same(pointers(missing), ['/data/attributes/moderation_state'], 'the 422 points at moderation_state')
  t.match(errors(missing)[0]?.detail, /draft.*archived/, 'the detail names both states')

  const unknown = await site.patch('article', draft.id, { moderation_state: 'limbo' })
  t.equal(unknown.statusCode, 422, 'an unknown state: 422')
  t.same(pointers(unknown), ['/data/attributes/moderation_state'], 'the unknown state points at moderation_state')

  const createArchived = await site.api(site.adminToken, 'POST', '/admin/api/content/article', { data: { type: 'article', attributes: { title: 'Born archived', moderation_state: 'archived' } } })
  t.equal(createArchived.statusCode, 422, 'creating straight into archived (no draft → archived transition): 422')

  const status = await site.patch('article', draft.id, { status: true })
  t.equal(status.statusCode, 403, 'status on a moderated type is refused')
  t.same(pointers(status), ['/data/attributes/status'], 'the refusal points at status')
  const createPublished = await site.api(site.adminToken, 'POST', '/admin/api/content/article', { data: { type: 'article', attributes: { title: 'Sneaky', status: true } } })
  t.equal(createPublished.statusCode, 403, 'status on create of a moderated type is refused too')

  t.equal(await countRows(site, table, { id: draft.id }), before, 'refused saves wrote no revision')
  t.equal(await countRows(site, site.kernel.contentTypes.require('article').table, { title: 'Sneaky' }), 0, 'the refused create wrote no item')
  t.equal(await site.reader('article', draft.id), null, 'anonymous readers still do not get the draft')
  const after = await site.get('article', draft.id)
  t.equal(after.attributes.status, false, 'the draft is still unpublished')
  t.equal(after.attributes.moderation_state, 'draft', 'and still a draft')
})
