// Every editorial transition is allowed with its permission and forbidden without it (PATCH moderation_state → 200 / 403).
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, EDITORIAL, permissionOf, pointers, resource, TRANSITIONS } from './helpers.js'
import { articleIn, EDIT } from './workflow-fixtures.js'

eachDatabase(t, 'each transition needs its own permission', async (t, db) => {
  const site = await bootSite(t, db)
  // One user whose role is re-permissioned before each attempt (role changes apply on the next request).
  await site.role('probe', EDIT)
  const probe = (await site.user('probe', ['probe'])).token
  const grant = async (permissions: string[]) => {
    const response = await site.json(site.adminToken, 'PATCH', '/admin/api/roles/probe', { permissions: [...EDIT, ...permissions] })
    if (response.statusCode !== 200) throw new Error(`role probe: ${response.statusCode} ${response.body}`)
  }

  for (const transition of TRANSITIONS) {
    const { from, to } = EDITORIAL[transition]
    for (const state of from) {
      const label = `${transition} (${state} → ${to})`
      const item = await articleIn(site, state, `Item for ${label}`)
      const table = site.kernel.contentTypes.require('article').revisionTable
      const revisionsBefore = await countRows(site, table, { id: item.id })

      await grant(TRANSITIONS.filter(x => x !== transition).map(permissionOf))
      const denied = await site.patch('article', item.id, { moderation_state: to }, probe)
      t.equal(denied.statusCode, 403, `${label} without its permission → 403 (got ${denied.body.slice(0, 200)})`)
      t.same(pointers(denied), ['/data/attributes/moderation_state'], `${label}: the 403 points at moderation_state`)
      t.equal(await countRows(site, table, { id: item.id }), revisionsBefore, `${label}: a refused transition writes no revision`)
      t.equal((await site.get('article', item.id, '?resourceVersion=rel:latest-version')).attributes.moderation_state, state, `${label}: the state did not move`)

      await grant([permissionOf(transition)])
      const allowed = await site.patch('article', item.id, { moderation_state: to }, probe)
      t.equal(allowed.statusCode, 200, `${label} with only its permission → 200 (got ${allowed.body.slice(0, 200)})`)
      if (allowed.statusCode === 200) t.equal(resource(allowed).attributes.moderation_state, to, `${label}: the answer is in ${to}`)
      t.equal(await countRows(site, table, { id: item.id }), revisionsBefore + 1, `${label}: one new revision`)
    }
  }
})
