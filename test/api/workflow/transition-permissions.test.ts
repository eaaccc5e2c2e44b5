// Every editorial transition is allowed with its permission and forbidden without it (PATCH moderation_state), and meta.transitions lists exactly the open ones.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, EDITORIAL, errors, permissionOf, pointers, resource, TRANSITIONS, type Resource, type Site } from './helpers.js'

const EDIT = ['edit any article content', 'view unpublished article content']

/** An article in `state`, moved there by the administrator. */
async function articleIn (site: Site, state: string, title: string): Promise<Resource> {
  if (state === 'archived') {
    const item = await site.create('article', { title, moderation_state: 'published' })
    const response = await site.patch('article', item.id, { moderation_state: 'archived' })
    if (response.statusCode !== 200) throw new Error(`archive: ${response.statusCode} ${response.body}`)
    return resource(response)
  }
  return site.create('article', { title, moderation_state: state })
}

eachDatabase(t, 'each transition needs its own permission', async (t, db) => {
  const site = await bootSite(t, db)
  const only: Record<string, string> = {}
  const allBut: Record<string, string> = {}
  for (const transition of TRANSITIONS) {
    await site.role(`only_${transition}`, [...EDIT, permissionOf(transition)])
    await site.role(`not_${transition}`, [...EDIT, ...TRANSITIONS.filter(x => x !== transition).map(permissionOf)])
    only[transition] = (await site.user(`only-${transition.replace(/_/g, '-')}`, [`only_${transition}`])).token
    allBut[transition] = (await site.user(`not-${transition.replace(/_/g, '-')}`, [`not_${transition}`])).token
  }

  for (const transition of TRANSITIONS) {
    const { from, to } = EDITORIAL[transition]
    for (const state of from) {
      const label = `${transition} (${state} → ${to})`
      const item = await articleIn(site, state, `Item for ${label}`)
      const table = site.kernel.contentTypes.require('article').revisionTable
      const revisionsBefore = await countRows(site, table, { id: item.id })

      const denied = await site.patch('article', item.id, { moderation_state: to }, allBut[transition])
      t.equal(denied.statusCode, 403, `${label} without its permission → 403 (got ${denied.body.slice(0, 200)})`)
      t.same(pointers(denied), ['/data/attributes/moderation_state'], `${label}: the 403 points at moderation_state`)
      t.equal(await countRows(site, table, { id: item.id }), revisionsBefore, `${label}: a refused transition writes no revision`)
      t.equal((await site.get('article', item.id, '?resourceVersion=rel:latest-version')).attributes.moderation_state, state, `${label}: the state did not move`)

      const allowed = await site.patch('article', item.id, { moderation_state: to }, only[transition])
      t.equal(allowed.statusCode, 200, `${label} with only its permission → 200 (got ${allowed.body.slice(0, 200)})`)
      if (allowed.statusCode === 200) t.equal(resource(allowed).attributes.moderation_state, to, `${label}: the answer is in ${to}`)
      t.equal(await countRows(site, table, { id: item.id }), revisionsBefore + 1, `${label}: one new revision`)
    }
  }
})

eachDatabase(t, 'meta.transitions lists the transitions open to the caller from the current state', async (t, db) => {
  const site = await bootSite(t, db)
  await site.role('reviewer', [...EDIT, permissionOf('publish'), permissionOf('send_back')])
  const reviewer = await site.user('reviewer', ['reviewer'])
  await site.role('viewer', ['view unpublished article content'])
  const viewer = await site.user('viewer', ['viewer'])

  const expected = (state: string, allowed: readonly string[]) => TRANSITIONS.filter(x => (EDITORIAL[x].from as readonly string[]).includes(state) && allowed.includes(x)).sort()
  for (const state of ['draft', 'review', 'published', 'archived']) {
    const item = await articleIn(site, state, `Meta ${state}`)
    const ids = (r: Resource) => (r.meta?.transitions ?? []).map(x => x.id).sort()
    const asAdmin = await site.get('article', item.id)
    t.same(ids(asAdmin), expected(state, TRANSITIONS), `${state}: the administrator sees every transition out of ${state}`)
    for (const x of asAdmin.meta?.transitions ?? []) t.equal(x.to, EDITORIAL[x.id as keyof typeof EDITORIAL].to, `${state}: ${x.id} names its target state`)
    t.same(ids(await site.get('article', item.id, '', reviewer.token)), expected(state, ['publish', 'send_back']), `${state}: a reviewer sees publish/send_back only where they apply`)
    t.same(ids(await site.get('article', item.id, '', viewer.token)), [], `${state}: a caller without transition permissions sees none`)
  }
})

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
