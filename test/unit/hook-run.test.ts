// HookBus execution: filters replace values, errors tagged module:hook, CmsError untouched, after-commit.
import t from 'tap'
import { HookBus, HookError } from '../../core/hooks/hook-bus.js'
import type { ActionHook, AfterCommitHook, FilterHook } from '../../core/hooks/hook-map.js'
import { CmsError } from '../../core/errors/cms-error.js'
import { connectDatabase } from '../../core/db/connect.js'
import { inTransaction } from '../../core/db/transaction.js'

declare module '../../core/index.js' {
  interface HookMap {
    'test.run.filter': FilterHook<{ n: number }>
    'test.run.action': ActionHook<string[]>
    'test.run.after': AfterCommitHook<string[]>
  }
}

function capturingBus (): { bus: HookBus, logged: Array<{ details: Record<string, unknown>, message: string }> } {
  const logged: Array<{ details: Record<string, unknown>, message: string }> = []
  const bus = new HookBus({ error: (details, message) => { logged.push({ details: details as Record<string, unknown>, message }) } })
  return { bus, logged }
}

t.test('filter hooks pass each value to the next handler; undefined keeps it', async t => {
  const { bus } = capturingBus()
  bus.on('a', 'test.run.filter', v => ({ n: v.n + 1 }))
  bus.on('b', 'test.run.filter', () => undefined)
  bus.on('c', 'test.run.filter', async v => ({ n: v.n * 10 }))
  bus.freeze(['a', 'b', 'c'])
  t.same(await bus.filter('test.run.filter', { n: 1 }), { n: 20 })
})

t.test('an action error is tagged module:hook and stops the remaining handlers', async t => {
  const { bus } = capturingBus()
  const cause = new Error('disk full')
  bus.on('a', 'test.run.action', trace => { trace.push('a') })
  bus.on('b', 'test.run.action', async () => { throw cause })
  bus.on('c', 'test.run.action', trace => { trace.push('c') })
  bus.freeze(['a', 'b', 'c'])
  const trace: string[] = []
  const error = await bus.action('test.run.action', trace).then(() => undefined, (e: unknown) => e)
  t.type(error, HookError)
  t.match(error, { module: 'b', hook: 'test.run.action', message: 'b:test.run.action: disk full', cause })
  t.same(trace, ['a'])
})

t.test('a filter throwing a non-Error is tagged too', async t => {
  const { bus } = capturingBus()
  bus.on('a', 'test.run.filter', () => { throw 'plain string' }) // eslint-disable-line no-throw-literal
  bus.freeze(['a'])
  await t.rejects(bus.filter('test.run.filter', { n: 1 }), { name: 'HookError', message: 'a:test.run.filter: plain string' })
})

t.test('a CmsError passes through untouched', async t => {
  const { bus } = capturingBus()
  const refusal = new CmsError('VALIDATION', 'title is required', { source: { pointer: '/data/attributes/title' } })
  bus.on('a', 'test.run.filter', () => { throw refusal })
  bus.freeze(['a'])
  const error = await bus.filter('test.run.filter', { n: 1 }).then(() => undefined, (e: unknown) => e)
  t.equal(error, refusal, 'the very same error object')
})

t.test('after-commit failures are logged, never thrown, and later handlers still run', async t => {
  const { bus, logged } = capturingBus()
  bus.on('a', 'test.run.after', () => { throw new Error('webhook down') })
  bus.on('b', 'test.run.after', trace => { trace.push('b') })
  bus.freeze(['a', 'b'])
  const trace: string[] = []
  const queued: Array<() => unknown> = []
  bus.afterCommit('test.run.after', trace, { trx: undefined as never, afterCommit: fn => { queued.push(fn) } })
  t.same(trace, [], 'nothing runs before the queue is flushed (after COMMIT)')
  for (const fn of queued) await fn()
  t.same(trace, ['b'])
  t.equal(logged.length, 1)
  t.match(logged[0], { details: { module: 'a', hook: 'test.run.after' }, message: /a:test\.run\.after failed/ })
})

t.test('after-commit hooks queued on a transaction run only after COMMIT', async t => {
  const db = connectDatabase({ url: 'sqlite::memory:' })
  t.teardown(() => db.close())
  await db.knex.schema.createTable('notes', table => { table.string('text') })
  const { bus, logged } = capturingBus()
  const seen: string[] = []
  bus.on('a', 'test.run.after', async trace => {
    const rows = await db.knex('notes').select('text') as Array<{ text: string }>
    trace.push(...rows.map(r => r.text))
  })
  bus.on('b', 'test.run.after', () => { throw new Error('cache unreachable') })
  bus.freeze(['a', 'b'])

  const result = await inTransaction(db, async uow => {
    await uow.trx('notes').insert({ text: 'saved' })
    t.equal(bus.afterCommit('test.run.after', seen, uow), undefined)
    t.same(seen, [], 'nothing ran inside the transaction')
    return 'ok'
  }, error => { logged.push({ details: { error }, message: 'unexpected' }) })
  t.equal(result, 'ok', 'the failing after-commit handler did not fail the caller')
  t.same(seen, ['saved'], 'ran after COMMIT, from outside the transaction')
  t.equal(logged.length, 1)
  t.match(logged[0]?.message, /b:test\.run\.after failed/, 'the bus logged it; the caller never saw it')

  const rolledBack: string[] = []
  await t.rejects(inTransaction(db, async uow => {
    bus.afterCommit('test.run.after', rolledBack, uow)
    throw new Error('abort')
  }), { message: 'abort' })
  t.same(rolledBack, [], 'never runs when the transaction rolls back')
})
