// Runs a subtest once per database target, with a fresh database torn down afterwards.
import type { Test } from 'tap'
import { databaseTargets, type TestDatabase } from './databases.js'

export function eachDatabase (t: Test, name: string, body: (t: Test, db: TestDatabase) => Promise<void>): void {
  let targets
  try {
    targets = databaseTargets()
  } catch (error) {
    t.fail((error as Error).message)
    return
  }
  for (const target of targets) {
    t.test(`${name} [${target.name}]`, async t => {
      const db = await target.create()
      t.teardown(db.drop)
      await body(t, db)
    })
  }
}
