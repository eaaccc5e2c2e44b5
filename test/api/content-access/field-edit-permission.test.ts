// Writing a field that has an edit permission without holding it is 403 naming the member, on
// create and on update, and nothing is written; with the permission the write goes through.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootContent, CONTENT, doc, errors, resource } from './helpers.js'
import { memoModule } from './fixture-modules.js'

eachDatabase(t, 'fields with an edit permission', async (t, db) => {
  const site = await bootContent(t, db, { modules: ['memos'], moduleSources: { memos: memoModule } })
  const { api, kernel } = site
  const writerPermissions = ['create memo content', 'edit own memo content']
  await site.role('memo_writer', writerPermissions)
  await site.role('budgeter', [...writerPermissions, 'edit memo budget', 'assign memo reviewer'])
  const writer = await site.user('writer', ['memo_writer'])
  const budgeter = await site.user('budgeter', ['budgeter'])
  const reviewer = await site.create('author', { name: 'Rita', status: true })
  const reviewerRef = { reviewer: { data: { type: 'author', id: reviewer.id } } }
  const memos = async () => Number(((await kernel.db.knex(kernel.contentTypes.require('memo').table).count({ n: '*' })) as Array<{ n: number | string }>)[0]?.n)

  const refused = await api(writer.token, 'POST', `${CONTENT}/memo`, doc('memo', { title: 'Plan', budget: 100 }))
  t.equal(refused.statusCode, 403, 'create with a protected attribute')
  t.equal(errors(refused)[0]?.source?.pointer, '/data/attributes/budget')
  const refusedRel = await api(writer.token, 'POST', `${CONTENT}/memo`, doc('memo', { title: 'Plan' }, reviewerRef))
  t.equal(refusedRel.statusCode, 403, 'create with a protected relationship')
  t.equal(errors(refusedRel)[0]?.source?.pointer, '/data/relationships/reviewer')
  t.equal(await memos(), 0, 'nothing written')

  const created = await api(writer.token, 'POST', `${CONTENT}/memo`, doc('memo', { title: 'Plan' }))
  t.equal(created.statusCode, 201, 'the other fields are writable')
  const memo = resource(created)
  t.equal(memo.attributes.budget, null, 'visible, unset')

  const patch = (token: string, attributes: Record<string, unknown>, relationships?: Record<string, unknown>) =>
    api(token, 'PATCH', `${CONTENT}/memo/${memo.id}`, doc('memo', attributes, relationships, memo.id))
  const update = await patch(writer.token, { title: 'Plan B', budget: 5 })
  t.equal(update.statusCode, 403, 'update with a protected attribute')
  t.equal(errors(update)[0]?.source?.pointer, '/data/attributes/budget')
  t.equal((await patch(writer.token, {}, reviewerRef)).statusCode, 403, 'update with a protected relationship')
  t.equal((await patch(writer.token, { budget: null })).statusCode, 403, 'clearing it is writing it')
  const stored = resource(await api(writer.token, 'GET', `${CONTENT}/memo/${memo.id}`))
  t.match(stored.attributes, { title: 'Plan', budget: null }, 'nothing written')
  t.equal(stored.relationships.reviewer?.data, null)
  t.equal(stored.meta?.version, 1, 'no new version')

  t.equal((await patch(writer.token, { title: 'Plan B' })).statusCode, 200, 'unprotected fields still editable')
  const allowed = await patch(budgeter.token, { budget: 5 }, reviewerRef)
  t.equal(allowed.statusCode, 404, 'the budgeter does not own this memo (and cannot see a draft)')
  const own = resource(await api(budgeter.token, 'POST', `${CONTENT}/memo`, doc('memo', { title: 'Funded', budget: 7 }, reviewerRef)))
  t.equal(own.attributes.budget, 7, 'with the permission: written on create')
  const raised = await api(budgeter.token, 'PATCH', `${CONTENT}/memo/${own.id}`, doc('memo', { budget: 9 }, undefined, own.id))
  t.equal(raised.statusCode, 200, 'and on update')
  t.equal(resource(raised).attributes.budget, 9)
  t.same(resource(raised).relationships.reviewer?.data, { type: 'author', id: reviewer.id })
})
