// Writing workflows needs "administer workflows" (403 without it); reading needs a login.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, WORKFLOWS } from './helpers.js'
import { simple, workflow } from './workflow-fixtures.js'

eachDatabase(t, 'writing workflows needs "administer workflows"', async (t, db) => {
  const site = await bootSite(t, db)
  const editor = await site.user('editor', ['editor'])
  await site.role('workflow_admin', ['administer workflows'])
  const keeper = await site.user('keeper', ['workflow_admin'])

  t.equal((await site.json(editor.token, 'GET', WORKFLOWS)).statusCode, 200, 'an editor may read the workflows')
  t.equal((await site.json(editor.token, 'POST', WORKFLOWS, simple)).statusCode, 403, 'an editor may not create one → 403')
  t.equal((await site.json(null, 'GET', WORKFLOWS)).statusCode, 401, 'anonymous → 401')
  t.equal(await countRows(site, 'cms_workflows'), 0, 'nothing was stored')
  t.equal((await site.json(keeper.token, 'POST', WORKFLOWS, simple)).statusCode, 201, 'with "administer workflows" → 201')
  t.equal((await site.json(editor.token, 'PUT', `${WORKFLOWS}/simple`, { ...simple, label: 'Hijacked' })).statusCode, 403, 'an editor may not replace it → 403')
  t.equal((await site.json(editor.token, 'DELETE', `${WORKFLOWS}/simple`)).statusCode, 403, 'nor delete it → 403')
  t.equal((await workflow(site, 'simple')).label, 'Simple', 'it is unchanged')
  t.equal((await site.json(keeper.token, 'DELETE', `${WORKFLOWS}/simple`)).statusCode, 204, 'the workflow administrator may delete it')
})
