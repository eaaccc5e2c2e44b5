// Invalid workflow definitions posted to /admin/api/workflows are 422 with JSON pointers; nothing is stored.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, pointers, WORKFLOWS } from './helpers.js'
import { simple } from './workflow-fixtures.js'

eachDatabase(t, 'invalid workflow definitions are 422 with pointers', async (t, db) => {
  const site = await bootSite(t, db)
  const cases: Array<[string, unknown, string[]]> = [
    ['an unknown initial state', { ...simple, initialState: 'nowhere' }, ['/initialState']],
    ['a transition to a missing state', { ...simple, transitions: { ...simple.transitions, go_live: { label: 'Go', from: ['draft'], to: 'gone' } } }, ['/transitions/go_live/to']],
    ['a transition from a missing state', { ...simple, transitions: { ...simple.transitions, unpublish: { label: 'Back', from: ['live', 'ghost'], to: 'draft' } } }, ['/transitions/unpublish/from/1']],
    ['an unknown member', { ...simple, colour: 'red' }, ['/colour']],
    ['a state without flags', { ...simple, states: { ...simple.states, live: { label: 'Live' } } }, ['/states/live/published', '/states/live/defaultRevision']],
    ['a bad machine name', { ...simple, id: 'Not-A-Name' }, ['/id']],
    ['an empty from list', { ...simple, transitions: { go_live: { label: 'Go', from: [], to: 'live' } } }, ['/transitions/go_live/from']]
  ]
  for (const [label, body, expected] of cases) {
    const response = await site.json(site.adminToken, 'POST', WORKFLOWS, body)
    t.equal(response.statusCode, 422, `${label} → 422 (got ${response.statusCode})`)
    t.same(pointers(response).sort(), [...expected].sort(), `${label}: pointers ${expected.join(', ')}`)
  }
  const prototype = await site.app.inject({ method: 'POST', url: WORKFLOWS, headers: { authorization: `Bearer ${site.adminToken}`, 'content-type': 'application/json' }, payload: '{"id":"x","__proto__":{"admin":true}}' })
  t.equal(prototype.statusCode, 400, 'a prototype key in the body → 400')
  t.equal(await countRows(site, 'cms_workflows'), 0, 'nothing was stored')
})
