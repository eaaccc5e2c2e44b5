// Transactional writes: a throwing validate/presave/insert/update hook leaves no row anywhere; after-commit hooks run after COMMIT and never fail the request.
import t, { type Test } from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import {
  CONTENT, LEAK, bootContent, doc, expectDocument, expectErrors, pointers, type ContentApp, type ItemDocument
} from '../../api/content-admin/helpers.js'
import { HOOK_TABLE, hookModule, type HookTrace } from './hook-module.js'

async function boot (t: Test, db: Parameters<typeof bootContent>[1]): Promise<{ app: ContentApp, trace: HookTrace, rows: () => Promise<Record<string, number>> }> {
  const trace: HookTrace = { afterCommit: [] }
  const app = await bootContent(t, db, { modules: ['hooktest'] }, { hooktest: hookModule(trace) })
  const rows = async () => {
    const [row] = await app.kernel.db.knex(HOOK_TABLE).count({ n: '*' }) as Array<{ n: number | string }>
    return { ...(await app.counts('hooked')), [HOOK_TABLE]: Number(row?.n ?? 0) }
  }
  return { app, trace, rows }
}

eachDatabase(t, 'a create whose hook throws leaves no row in any table', async (t, db) => {
  const { app, trace, rows } = await boot(t, db)
  const fine = await app.jsonapi('POST', `${CONTENT}/hooked`, doc('hooked', { title: 'fine', tags: ['a', 'b'] }))
  expectDocument<ItemDocument>(t, fine, 201, 'a good create')
  t.strictSame(Object.values(await rows()), [1, 1, 2, 1], 'item, revision, side table and hook rows written')

  for (const phase of ['validate', 'presave', 'insert']) {
    const before = await rows()
    const refused = await app.jsonapi('POST', `${CONTENT}/hooked`, doc('hooked', { title: `invalid-${phase}`, tags: ['x'] }))
    const errors = expectErrors(t, refused, 422, `${phase} hook refuses`)
    t.same(pointers(errors), ['/data/attributes/title'], `${phase}: the hook's pointer`)
    t.match(errors[0]?.detail, new RegExp(`${phase} refused`))
    t.strictSame(await rows(), before, `${phase} refused: nothing written, the hook's own row included`)

    const crashed = await app.jsonapi('POST', `${CONTENT}/hooked`, doc('hooked', { title: `crash-${phase}`, tags: ['x'] }))
    t.match(expectErrors(t, crashed, 500, `${phase} hook crashes`), [{ code: 'INTERNAL' }])
    t.notMatch(crashed.body, /crashed|secret/, 'the error message stays in the log')
    t.strictSame(await rows(), before, `${phase} crashed: nothing written`)
  }
  t.strictSame(trace.afterCommit, ['afterCommit:fine:visible'], 'after-commit ran once, for the committed write only, after COMMIT')
})

eachDatabase(t, 'an update whose hook throws changes nothing', async (t, db) => {
  const { app, trace, rows } = await boot(t, db)
  const created = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/hooked`, doc('hooked', { title: 'fine', tags: ['a'] })), 201, 'create')
  const url = `${CONTENT}/hooked/${created.data.id}`
  const etag = (await app.jsonapi('GET', url)).headers.etag
  for (const marker of ['invalid-update', 'crash-update', 'invalid-presave']) {
    const before = await rows()
    const response = await app.jsonapi('PATCH', url, doc('hooked', { title: marker, tags: ['changed'] }, undefined, { id: created.data.id }))
    expectErrors(t, response, marker.startsWith('crash') ? 500 : 422, marker)
    t.notMatch(response.body, LEAK)
    t.strictSame(await rows(), before, `${marker}: no row added or changed in count`)
    const current = await app.jsonapi('GET', url)
    t.match(expectDocument<ItemDocument>(t, current, 200, 'read').data.attributes, { title: 'fine', tags: ['a'] }, `${marker}: values unchanged`)
    t.equal(current.headers.etag, etag, `${marker}: version unchanged`)
    const revisions = await app.jsonapi('GET', `${url}/revisions`)
    t.equal(expectDocument<{ data: unknown[] }>(t, revisions, 200, 'revisions').data.length, 1, `${marker}: no revision added`)
  }
  t.strictSame(trace.afterCommit, ['afterCommit:fine:visible'])
})

eachDatabase(t, 'a failing after-commit hook never fails or undoes the write', async (t, db) => {
  const { app, trace, rows } = await boot(t, db)
  const response = await app.jsonapi('POST', `${CONTENT}/hooked`, doc('hooked', { title: 'crash-afterCommit' }))
  const created = expectDocument<ItemDocument>(t, response, 201, 'the write stands')
  expectDocument<ItemDocument>(t, await app.jsonapi('GET', `${CONTENT}/hooked/${created.data.id}`), 200, 'readable')
  t.strictSame(trace.afterCommit, ['afterCommit:crash-afterCommit:visible'], 'the hook ran after COMMIT')
  t.strictSame(Object.values(await rows()), [1, 1, 0, 1])
  const next = await app.jsonapi('POST', `${CONTENT}/hooked`, doc('hooked', { title: 'next' }))
  expectDocument<ItemDocument>(t, next, 201, 'the next write works')
})
