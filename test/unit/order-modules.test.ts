// Module ordering: dependencies first, ties in configured order, and graph errors naming the modules.
import t from 'tap'
import { ModuleGraphError, orderModules, type ModuleNode } from '../../core/kernel/order-modules.js'

const names = (modules: ModuleNode[]) => orderModules(modules).map(m => m.name)

t.test('dependencies come before their dependents', async t => {
  t.same(names([
    { name: 'blog', dependsOn: ['media', 'users'] },
    { name: 'media', dependsOn: ['users'] },
    { name: 'users' }
  ]), ['users', 'media', 'blog'])
  t.same(names([
    { name: 'c', dependsOn: ['b'] },
    { name: 'b', dependsOn: ['a'] },
    { name: 'a' }
  ]), ['a', 'b', 'c'])
})

t.test('modules without constraints keep the configured order', async t => {
  t.same(names([{ name: 'zeta' }, { name: 'alpha' }, { name: 'mu' }]), ['zeta', 'alpha', 'mu'])
  // Only what a module needs is pulled forward; the rest stays where it was configured.
  t.same(names([
    { name: 'x' },
    { name: 'y', dependsOn: ['w'] },
    { name: 'z' },
    { name: 'w' }
  ]), ['x', 'w', 'y', 'z'])
  t.same(names([]), [])
})

t.test('the objects themselves are returned, with their extra fields', async t => {
  const a = { name: 'a', dependsOn: ['b'], extra: 1 }
  const b = { name: 'b', extra: 2 }
  const ordered = orderModules([a, b])
  t.equal(ordered[0], b)
  t.equal(ordered[1], a)
})

t.test('a missing dependency names both modules', async t => {
  t.throws(() => orderModules([{ name: 'blog', dependsOn: ['taxonomy'] }, { name: 'users' }]), {
    name: 'ModuleGraphError',
    message: /"blog".*"taxonomy".*not enabled/
  })
  t.throws(() => orderModules([{ name: 'blog', dependsOn: ['tags', 'media'] }]), {
    message: /"blog" depends on "tags", "media", which are not enabled/
  })
})

t.test('a cycle names every module on it', async t => {
  const error = t.throws(() => orderModules([
    { name: 'a', dependsOn: ['b'] },
    { name: 'b', dependsOn: ['c'] },
    { name: 'c', dependsOn: ['a'] },
    { name: 'd' }
  ])) as Error
  t.type(error, ModuleGraphError)
  t.match(error.message, /cycle/i)
  for (const name of ['a', 'b', 'c']) t.match(error.message, new RegExp(`\\b${name}\\b`))
  t.notMatch(error.message, /\bd\b/, 'a module off the cycle is not blamed')
})

t.test('a module depending on itself is a cycle', async t => {
  t.throws(() => orderModules([{ name: 'loop', dependsOn: ['loop'] }]), { message: /cycle: loop → loop/ })
})

t.test('a module enabled twice is refused', async t => {
  t.throws(() => orderModules([{ name: 'a' }, { name: 'b' }, { name: 'a' }]), {
    name: 'ModuleGraphError',
    message: /"a" is enabled twice/
  })
})
