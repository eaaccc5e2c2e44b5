// meta.transitions lists exactly the transitions open to the caller from the item's current state.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, EDITORIAL, permissionOf, TRANSITIONS, type Resource } from './helpers.js'
import { articleIn, EDIT } from './workflow-fixtures.js'

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
