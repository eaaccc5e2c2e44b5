// A runtime workflow: created, assigned to a runtime content type, deletion refused while in use (409), replaced by PUT, deleted.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, pointers, WORKFLOWS, TYPES } from './helpers.js'
import { simple, workflow, type Workflow } from './workflow-fixtures.js'

eachDatabase(t, 'a runtime workflow: create, assign to a runtime type, refuse deletion in use, replace, delete', async (t, db) => {
  const site = await bootSite(t, db)
  const created = await site.json(site.adminToken, 'POST', WORKFLOWS, simple)
  t.equal(created.statusCode, 201, 'POST → 201')
  t.equal(created.headers.location, `${WORKFLOWS}/simple`, 'with its location')
  t.match(created.json<{ data: Workflow }>().data, { id: 'simple', types: [], initialState: 'draft' }, 'unused so far')
  t.equal((await site.json(site.adminToken, 'POST', WORKFLOWS, simple)).statusCode, 409, 'creating it twice → 409')
  const permissions = (await site.json(site.adminToken, 'GET', '/admin/api/permissions')).body
  t.match(permissions, /use simple transition go_live/, 'its transitions appear in the permission catalogue')

  const unknownWorkflow = await site.json(site.adminToken, 'POST', TYPES, { id: 'note', label: 'Note', workflow: 'missing', fields: [{ name: 'title', type: 'string', required: true }] })
  t.equal(unknownWorkflow.statusCode, 422, 'a type naming an unknown workflow → 422')
  t.same(pointers(unknownWorkflow), ['/workflow'], 'pointing at /workflow')
  const type = await site.json(site.adminToken, 'POST', TYPES, { id: 'note', label: 'Note', revisions: true, workflow: 'simple', fields: [{ name: 'title', type: 'string', required: true }] })
  t.equal(type.statusCode, 201, `a runtime type under the workflow → 201 (${type.body.slice(0, 200)})`)
  t.same((await workflow(site, 'simple')).types, ['note'], 'the workflow lists the type using it')

  const note = await site.create('note', { title: 'A note' })
  t.equal(note.attributes.moderation_state, 'draft', 'new notes start in the initial state')
  t.same((note.meta?.transitions ?? []).map(x => x.id).sort(), ['go_live', 'keep_drafting'], 'the runtime workflow\'s transitions are offered')
  const live = await site.patch('note', note.id, { moderation_state: 'live' })
  t.equal(live.statusCode, 200, 'draft → live through the runtime workflow')
  t.equal((await site.reader('note', note.id))?.title, 'A note', 'the live state is published: anonymous readers get it')

  const inUse = await site.json(site.adminToken, 'DELETE', `${WORKFLOWS}/simple`)
  t.equal(inUse.statusCode, 409, 'DELETE while a type uses it → 409')
  t.ok(await workflow(site, 'simple'), 'still there')

  await site.role('noter', ['edit any note content', 'use simple transition unpublish', 'use simple transition go_live'])
  const replacement = {
    ...simple,
    label: 'Simple, with retirement',
    states: { ...simple.states, retired: { label: 'Retired', published: false, defaultRevision: true } },
    transitions: { go_live: simple.transitions.go_live, keep_drafting: simple.transitions.keep_drafting, retire: { label: 'Retire', from: ['live'], to: 'retired' } }
  }
  const mismatch = await site.json(site.adminToken, 'PUT', `${WORKFLOWS}/simple`, { ...replacement, id: 'other' })
  t.equal(mismatch.statusCode, 409, 'PUT with another id in the body → 409')
  const invalid = await site.json(site.adminToken, 'PUT', `${WORKFLOWS}/simple`, { ...replacement, initialState: 'nowhere' })
  t.equal(invalid.statusCode, 422, 'an invalid replacement → 422')
  const replaced = await site.json(site.adminToken, 'PUT', `${WORKFLOWS}/simple`, replacement)
  t.equal(replaced.statusCode, 200, `PUT replaces it → 200 (${replaced.body.slice(0, 200)})`)
  const after = await workflow(site, 'simple')
  t.equal(after.label, 'Simple, with retirement', 'the new label')
  t.same(Object.keys(after.transitions).sort(), ['go_live', 'keep_drafting', 'retire'], 'the new transitions')
  const role = (await site.json(site.adminToken, 'GET', '/admin/api/roles/noter')).json<{ data: { permissions: string[] } }>().data
  t.notOk(role.permissions.includes('use simple transition unpublish'), 'the permission of the dropped transition left the roles')
  t.ok(role.permissions.includes('use simple transition go_live'), 'the kept one stays')
  const retire = await site.patch('note', note.id, { moderation_state: 'retired' })
  t.equal(retire.statusCode, 200, 'the new transition works at once')
  const unpublish = await site.patch('note', note.id, { moderation_state: 'draft' })
  t.equal(unpublish.statusCode, 422, 'the dropped one is gone (retired → draft has no transition)')

  const strand = await site.json(site.adminToken, 'PUT', `${WORKFLOWS}/simple`, { ...simple, transitions: { go_live: simple.transitions.go_live } })
  t.equal(strand.statusCode, 409, 'a replacement dropping a state that items are in (retired) → 409')
  t.ok((await workflow(site, 'simple')).states.retired, 'and the state stays')

  const untype = await site.json(site.adminToken, 'DELETE', `${TYPES}/note?force=true`)
  t.equal(untype.statusCode, 204, 'the type goes away')
  const removed = await site.json(site.adminToken, 'DELETE', `${WORKFLOWS}/simple`)
  t.equal(removed.statusCode, 204, 'unused, the workflow can be deleted → 204')
  t.equal((await site.json(site.adminToken, 'GET', `${WORKFLOWS}/simple`)).statusCode, 404, 'then it is gone')
  t.equal(await countRows(site, 'cms_workflows'), 0, 'and its row too')
})
