// The statement counter counts only inside an open scope, keeps concurrent scopes apart, and
// counts again after every scope was closed (the storage is switched off in between).
import t from 'tap'
import { countStatement, openStatementScope, type StatementScope } from '../../core/db/statement-counter.js'

const tick = () => new Promise<void>(resolve => setImmediate(resolve))

t.test('scopes count their own statements, across awaits', async t => {
  const a: StatementScope = { statements: 0 }
  const b: StatementScope = { statements: 0 }
  let closeA = () => {}
  let closeB = () => {}
  const runA = new Promise<void>(resolve => { closeA = openStatementScope(a, () => { void (async () => { countStatement(); await tick(); countStatement(); resolve() })() }) })
  const runB = new Promise<void>(resolve => { closeB = openStatementScope(b, () => { void (async () => { await tick(); countStatement(); resolve() })() }) })
  countStatement()
  await Promise.all([runA, runB])
  t.equal(a.statements, 2)
  t.equal(b.statements, 1)
  closeA()
  closeA()
  closeB()
  countStatement()
  t.same([a.statements, b.statements], [2, 1], 'nothing counted outside a scope, closing twice is harmless')
})

t.test('a scope opened after all were closed counts again', async t => {
  const c: StatementScope = { statements: 0 }
  await new Promise<void>(resolve => {
    const close = openStatementScope(c, () => { void (async () => { await tick(); countStatement(); close(); resolve() })() })
  })
  t.equal(c.statements, 1)
})
