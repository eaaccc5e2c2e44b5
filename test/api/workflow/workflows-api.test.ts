// /admin/api/workflows lists the code-declared editorial workflow (module, types), which cannot be changed through the API (409).
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, WORKFLOWS } from './helpers.js'
import { simple, workflow, type Workflow } from './workflow-fixtures.js'

eachDatabase(t, 'the list shows the code-declared editorial workflow, which cannot be changed through the API', async (t, db) => {
  const site = await bootSite(t, db)
  const listed = await site.json(site.adminToken, 'GET', WORKFLOWS)
  t.equal(listed.statusCode, 200, 'GET /admin/api/workflows → 200')
  const editorial = listed.json<{ data: Workflow[] }>().data.find(w => w.id === 'editorial')
  t.match(editorial, { module: 'editorial', types: ['article'], initialState: 'draft' }, 'editorial: declared by the editorial module, used by article')
  t.same(Object.keys(editorial?.states ?? {}).sort(), ['archived', 'draft', 'published', 'review'], 'with its four states')
  t.same(Object.keys(editorial?.transitions ?? {}).sort(), ['archive', 'create_new_draft', 'publish', 'restore_to_draft', 'send_back', 'submit_for_review'], 'and its six transitions')

  const body = { ...simple, id: 'editorial' }
  const put = await site.json(site.adminToken, 'PUT', `${WORKFLOWS}/editorial`, body)
  t.equal(put.statusCode, 409, 'PUT on the code-declared workflow → 409')
  const post = await site.json(site.adminToken, 'POST', WORKFLOWS, body)
  t.equal(post.statusCode, 409, 'POST with the id of the code-declared workflow → 409')
  const del = await site.json(site.adminToken, 'DELETE', `${WORKFLOWS}/editorial`)
  t.equal(del.statusCode, 409, 'DELETE of the code-declared workflow → 409')
  t.same(Object.keys((await workflow(site, 'editorial')).states).sort(), ['archived', 'draft', 'published', 'review'], 'editorial is unchanged')
  t.equal(await countRows(site, 'cms_workflows'), 0, 'nothing was stored')
  const missing = await site.json(site.adminToken, 'GET', `${WORKFLOWS}/nope`)
  t.equal(missing.statusCode, 404, 'an unknown workflow → 404')
})
