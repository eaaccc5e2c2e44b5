// Deleting content types: refused (409) while content exists unless an administrator forces it; referenced and module-declared types stay.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { hookModule } from '../../integration/content/hook-module.js'
import { CONTENT, TYPES, bootContent, doc, expectDocument, expectErrors, tableExists, type ItemDocument } from './helpers.js'

eachDatabase(t, 'a type with content is deleted only when an administrator forces it', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType({ id: 'note', label: 'Note', fields: [{ name: 'text', type: 'string' }, { name: 'tags', type: 'string', cardinality: 'many' }] })
  expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/note`, doc('note', { text: 'x', tags: ['a'] })), 201, 'content')
  const type = app.kernel.contentTypes.require('note')
  const tables = [type.table, type.revisionTable, type.fields.get('tags')?.sideTable as string]

  const listed = (await app.request('GET', '/admin/api/permissions')).json<{ data: Array<{ name: string }> }>().data
  t.ok(listed.some(p => p.name === 'create note content'), 'the type has its permissions')
  const refused = await app.request('DELETE', `${TYPES}/note`)
  t.equal(refused.statusCode, 409, 'content exists')
  t.match(refused.json(), { errors: [{ code: 'CONFLICT', detail: /content/ }] })

  // A content-type administrator who is not an administrator may delete empty types, never force.
  const role = await app.request('POST', '/admin/api/roles', { id: 'architect', label: 'Architect', permissions: ['administer content types'] })
  t.equal(role.statusCode, 201)
  await app.createUser(app.token, { email: 'arch@example.test', password: 'architect password 1', roles: ['architect'] })
  const architect = await app.login('arch@example.test', 'architect password 1')
  t.equal((await app.as(architect.accessToken, { method: 'DELETE', url: `${TYPES}/note?force=true` })).statusCode, 403, 'forcing needs an administrator')
  t.equal((await app.as(architect.accessToken, { method: 'DELETE', url: `${TYPES}/note` })).statusCode, 409, 'unforced: content exists')
  for (const table of tables) t.ok(await tableExists(app.kernel, table), `${table} still there`)
  expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${CONTENT}/note/${(await app.kernel.db.knex(type.table).first('id') as { id: string }).id}`), 200, 'content still there')

  t.equal((await app.request('DELETE', `${TYPES}/note?force=true`)).statusCode, 204, 'forced by an administrator')
  for (const table of tables) t.notOk(await tableExists(app.kernel, table), `${table} dropped`)
  t.equal((await app.request('GET', `${TYPES}/note`)).statusCode, 404, 'the definition is gone')
  expectErrors(t, await app.jsonapi('GET', `${CONTENT}/note`), 404, 'its content API is gone')
  const permissions = (await app.request('GET', '/admin/api/permissions')).json<{ data: Array<{ name: string }> }>().data
  t.notOk(permissions.some(p => /\bnote\b/.test(p.name)), 'its permissions are gone')

  await app.createType({ id: 'note', label: 'Note again', fields: [{ name: 'text', type: 'string' }] })
  t.same((await app.jsonapi('GET', `${CONTENT}/note`)).json<{ data: unknown[] }>().data, [], 'the id can be reused, empty')
})

eachDatabase(t, 'empty, referenced and module-declared types', async (t, db) => {
  const app = await bootContent(t, db, { modules: ['hooktest'] }, { hooktest: hookModule({ afterCommit: [] }) })
  await app.createType({ id: 'empty', label: 'Empty', fields: [{ name: 'text', type: 'string' }] })
  t.equal((await app.request('DELETE', `${TYPES}/empty`)).statusCode, 204, 'an empty type needs no force')
  t.notOk(await tableExists(app.kernel, 'ct_empty'))

  await app.createType({ id: 'person', label: 'Person', fields: [{ name: 'name', type: 'string' }] })
  await app.createType({ id: 'post', label: 'Post', fields: [{ name: 'by', type: 'reference', target: ['person'] }] })
  const referenced = await app.request('DELETE', `${TYPES}/person?force=true`)
  t.equal(referenced.statusCode, 409, 'a type other types point at stays, even forced')
  t.match(referenced.json(), { errors: [{ detail: /post/ }] }, 'names the referrer')
  t.ok(await tableExists(app.kernel, 'ct_person'))

  const declared = await app.request('DELETE', `${TYPES}/hooked?force=true`)
  t.equal(declared.statusCode, 409, 'a module-declared type is removed by disabling its module')
  t.ok(await tableExists(app.kernel, 'ct_hooked'))
  const changed = await app.request('PUT', `${TYPES}/hooked`, { id: 'hooked', label: 'Renamed', fields: [] })
  t.equal(changed.statusCode, 409, 'and changed only in code')
  t.match((await app.request('GET', `${TYPES}/hooked`)).json(), { data: { label: 'Hooked', module: 'hooktest' } })
  t.equal((await app.request('DELETE', `${TYPES}/nosuchtype`)).statusCode, 404)
})
