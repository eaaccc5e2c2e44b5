// Writing workflows needs "administer workflows" (403 without it); reading needs a login.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, WORKFLOWS, type Site } from './helpers.js'

interface Workflow {
  id: string
  label: string
  initialState: string
  states: Record<string, { label: string, published: boolean, defaultRevision: boolean }>
  transitions: Record<string, { label: string, from: string[], to: string }>
  module: string | null
  types: string[]
}

const simple = {
  id: 'simple',
  label: 'Simple',
  initialState: 'draft',
  states: {
    draft: { label: 'Draft', published: false, defaultRevision: false },
    live: { label: 'Live', published: true, defaultRevision: true }
  },
  transitions: {
    go_live: { label: 'Go live', from: ['draft', 'live'], to: 'live' },
    unpublish: { label: 'Unpublish', from: ['live'], to: 'draft' },
    keep_drafting: { label: 'Keep drafting', from: ['draft'], to: 'draft' }
  }
}

async function workflow (site: Site, id: string): Promise<Workflow> {
  const response = await site.json(site.adminToken, 'GET', `${WORKFLOWS}/${id}`)
  if (response.statusCode !== 200) throw new Error(`GET workflow ${id}: ${response.statusCode} ${response.body}`)
  return response.json<{ data: Workflow }>().data
}

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
