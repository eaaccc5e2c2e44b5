// A draft of a published article never changes what anonymous readers get until it is published, and publishing moves the item table and revision bookkeeping together.
import t from 'tap'
import { defineModule, validationError } from '../../../core/index.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, resource, type Resource, type Site } from './helpers.js'

/** Refuses (inside the transaction, after the write) any article update whose summary is "explode". */
const exploder = defineModule({
  name: 'exploder',
  version: '1.0.0',
  core: '^0.1.0',
  dependsOn: ['blog'],
  register (ctx) {
    ctx.hooks.on('content.update', event => {
      if (event.type.id === 'article' && event.item.values.summary === 'explode') throw validationError([{ pointer: '/data/attributes/summary', detail: 'refused by the exploder' }])
    })
  }
})

interface RevisionEntry { id: string, attributes: { moderation_state: string, status: boolean, default: boolean, latest: boolean, log: string | null } }

async function revisions (site: Site, id: string): Promise<RevisionEntry[]> {
  const response = await site.api(site.adminToken, 'GET', `/admin/api/content/article/${id}/revisions`)
  if (response.statusCode !== 200) throw new Error(`revisions: ${response.statusCode} ${response.body}`)
  return response.json<{ data: RevisionEntry[] }>().data
}

async function row (site: Site, id: string): Promise<{ title: string, rev: number, latest_rev: number, status: number | boolean }> {
  const type = site.kernel.contentTypes.require('article')
  return await site.kernel.db.knex(type.table).where('id', id).first('title', 'rev', 'latest_rev', 'status') as { title: string, rev: number, latest_rev: number, status: number | boolean }
}

eachDatabase(t, 'a draft over a published article stays invisible until it is published', async (t, db) => {
  const site = await bootSite(t, db, { extraModules: ['exploder'], moduleSources: { exploder } })
  t.comment(site.hasContentApi ? 'anonymous reads through GET /jsonapi' : 'no /jsonapi route yet: anonymous reads through the data layer (findOneContent/findContent as the anonymous role)')
  const published = await site.create('article', { title: 'Original title', summary: 'first', moderation_state: 'published' })
  const id = published.id
  t.equal((await site.reader('article', id))?.title, 'Original title', 'readers get the published article')
  const firstRev = published.meta?.revision
  t.type(firstRev, 'number', 'the published save has a revision number')

  // 1. An editor drafts a change.
  const drafted = await site.patch('article', id, { title: 'Changed title', moderation_state: 'draft' }, site.adminToken, 'work in progress')
  t.equal(drafted.statusCode, 200, 'saving a draft of a published article → 200')
  const draftRev = resource(drafted).meta?.revision
  t.ok(typeof draftRev === 'number' && typeof firstRev === 'number' && draftRev > firstRev, 'the draft is a newer revision')

  t.equal((await site.reader('article', id))?.title, 'Original title', 'anonymous readers still get the old title')
  t.same((await site.readerList('article')).find(r => r.id === id)?.attributes.title, 'Original title', 'the anonymous list still has the old title')
  const current = await site.get('article', id)
  t.equal(current.attributes.title, 'Original title', 'the admin default GET serves the published revision')
  t.equal(current.attributes.moderation_state, 'published', 'in its published state')
  t.equal(current.attributes.status, true, 'still published')
  t.equal(current.meta?.defaultRevision, firstRev, 'meta: the default revision is the published one')
  t.equal(current.meta?.latestRevision, draftRev, 'meta: the latest revision is the draft')
  const working = await site.get('article', id, '?resourceVersion=rel:working-copy')
  t.equal(working.attributes.title, 'Changed title', 'rel:working-copy gives the draft')
  t.equal(working.attributes.moderation_state, 'draft', 'in state draft')
  t.equal((await site.get('article', id, '?resourceVersion=rel:latest-version')).attributes.title, 'Changed title', 'rel:latest-version gives the draft too')
  t.equal((await site.get('article', id, `?resourceVersion=id:${String(firstRev)}`)).attributes.title, 'Original title', 'id:N gives that revision')
  const stored = await row(site, id)
  t.equal(stored.title, 'Original title', 'the item table keeps the published values')
  t.equal(stored.rev, firstRev, 'the item table points at the published revision')
  t.equal(stored.latest_rev, draftRev, 'and records the draft as the latest')

  let list = await revisions(site, id)
  t.equal(list.length, 2, 'the revision list shows both revisions')
  const byId = (rev: unknown) => list.find(r => r.id === String(rev))
  t.match(byId(firstRev)?.attributes, { moderation_state: 'published', default: true, latest: false }, 'the published revision is the default')
  t.match(byId(draftRev)?.attributes, { moderation_state: 'draft', default: false, latest: true, log: 'work in progress' }, 'the draft is the latest, with its log')

  // 2. A second edit builds on the draft, not on the published values.
  const again = await site.patch('article', id, { summary: 'second', moderation_state: 'review' })
  t.equal(again.statusCode, 200, 'submitting the draft for review → 200')
  t.equal(resource(again).attributes.title, 'Changed title', 'the edit builds on the working copy')
  t.equal((await site.reader('article', id))?.title, 'Original title', 'in review: readers still get the old title')
  t.equal((await site.reader('article', id))?.summary, 'first', 'and the old summary')

  // 3. The transition check runs from the working copy's state (review), not the published one.
  const archive = await site.patch('article', id, { moderation_state: 'archived' })
  t.equal(archive.statusCode, 422, 'review → archived does not exist even though the default revision is published')
  const offered = (r: Resource) => (r.meta?.transitions ?? []).map(x => x.id).sort()
  t.same(offered(await site.get('article', id, '?resourceVersion=rel:working-copy')), ['publish', 'send_back', 'submit_for_review'], 'the working copy offers the transitions out of review')
  t.same(offered(await site.get('article', id)), ['publish', 'send_back', 'submit_for_review'], 'the default GET offers the transitions an edit would take (from the working copy)')

  // 4. A publish that fails inside the transaction changes nothing.
  const before = await row(site, id)
  const revisionCount = list.length + 1
  const failed = await site.patch('article', id, { summary: 'explode', moderation_state: 'published' })
  t.equal(failed.statusCode, 422, 'a hook refusing the publish → 422')
  t.same(await row(site, id), before, 'the item table did not move')
  t.equal((await revisions(site, id)).length, revisionCount, 'no revision was written')
  t.equal((await site.reader('article', id))?.title, 'Original title', 'readers still get the old title')

  // 5. Publishing makes the draft the default revision.
  const publish = await site.patch('article', id, { moderation_state: 'published' }, site.adminToken, 'go live')
  t.equal(publish.statusCode, 200, 'publishing the draft → 200')
  const publishedRev = resource(publish).meta?.revision
  t.equal((await site.reader('article', id))?.title, 'Changed title', 'readers now get the new title')
  t.equal((await site.reader('article', id))?.summary, 'second', 'and the new summary')
  t.same((await site.readerList('article')).find(r => r.id === id)?.attributes.title, 'Changed title', 'the anonymous list too')
  const after = await row(site, id)
  t.equal(after.title, 'Changed title', 'the item table holds the new values')
  t.equal(after.rev, publishedRev, 'the item table points at the new revision')
  t.equal(after.latest_rev, publishedRev, 'which is also the latest')
  list = await revisions(site, id)
  t.equal(list.length, revisionCount + 1, 'one revision per successful save')
  t.same(list.filter(r => r.attributes.default).map(r => r.id), [String(publishedRev)], 'exactly one default revision: the new one')
  const final = await site.get('article', id)
  t.equal(final.meta?.defaultRevision, final.meta?.latestRevision, 'no pending draft remains')
})

eachDatabase(t, 'a draft of a never-published article stays the default revision', async (t, db) => {
  const site = await bootSite(t, db)
  const item = await site.create('article', { title: 'First draft' })
  const edited = await site.patch('article', item.id, { title: 'Second draft', moderation_state: 'draft' })
  t.equal(edited.statusCode, 200, 'editing a draft → 200')
  const current = await site.get('article', item.id)
  t.equal(current.attributes.title, 'Second draft', 'without a published revision the draft is what the default GET serves')
  t.equal(current.meta?.defaultRevision, current.meta?.latestRevision, 'the draft is the default revision')
  t.equal(await site.reader('article', item.id), null, 'anonymous readers get nothing')
  t.notOk((await site.readerList('article')).some(r => r.id === item.id), 'nor in the list')
})
