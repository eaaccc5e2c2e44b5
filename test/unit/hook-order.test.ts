// HookBus ordering: dependency order, registration order, before/after, first/last, cycles, freeze.
import t from 'tap'
import { HookBus } from '../../core/hooks/hook-bus.js'
import type { ActionHook, FilterHook } from '../../core/hooks/hook-map.js'

declare module '../../core/index.js' {
  interface HookMap {
    'test.trace': ActionHook<string[]>
    'test.other': ActionHook<string[]>
    'test.value': FilterHook<number>
  }
}

/** A handler that appends `label` to the trace it is given. */
const mark = (label: string) => (trace: string[]) => { trace.push(label) }

async function run (bus: HookBus): Promise<string[]> {
  const trace: string[] = []
  await bus.action('test.trace', trace)
  return trace
}

t.test('handlers run in module dependency order, whatever the registration order', async t => {
  const bus = new HookBus()
  bus.on('blog', 'test.trace', mark('blog'))
  bus.on('media', 'test.trace', mark('media'))
  bus.on('users', 'test.trace', mark('users'))
  bus.freeze(['users', 'media', 'blog'])
  t.same(await run(bus), ['users', 'media', 'blog'])
  t.same(bus.list()['test.trace'], ['users', 'media', 'blog'])
})

t.test('handlers of one module run in registration order', async t => {
  const bus = new HookBus()
  bus.on('a', 'test.trace', mark('a1'))
  bus.on('b', 'test.trace', mark('b1'))
  bus.on('a', 'test.trace', mark('a2'))
  bus.on('a', 'test.trace', mark('a3'))
  bus.freeze(['a', 'b'])
  t.same(await run(bus), ['a1', 'a2', 'a3', 'b1'])
})

t.test('before and after override dependency order', async t => {
  const bus = new HookBus()
  bus.on('a', 'test.trace', mark('a'), { after: ['c'] })
  bus.on('b', 'test.trace', mark('b'))
  bus.on('c', 'test.trace', mark('c'))
  bus.on('d', 'test.trace', mark('d'), { before: ['b'] })
  bus.freeze(['a', 'b', 'c', 'd'])
  const trace = await run(bus)
  t.ok(trace.indexOf('c') < trace.indexOf('a'), `a after c: ${trace.join(',')}`)
  t.ok(trace.indexOf('d') < trace.indexOf('b'), `d before b: ${trace.join(',')}`)
  // Otherwise the earliest module whose constraints are met goes next.
  t.same(trace, ['c', 'a', 'd', 'b'])
})

t.test('first and last positions, with before/after still applied', async t => {
  const bus = new HookBus()
  bus.on('a', 'test.trace', mark('a'))
  bus.on('b', 'test.trace', mark('b-last'), { position: 'last' })
  bus.on('c', 'test.trace', mark('c-first'), { position: 'first' })
  bus.on('d', 'test.trace', mark('d'))
  bus.on('e', 'test.trace', mark('e-after-b'), { after: ['b'] })
  bus.freeze(['a', 'b', 'c', 'd', 'e'])
  t.same(await run(bus), ['c-first', 'a', 'd', 'b-last', 'e-after-b'])
})

t.test('a cycle in before/after constraints is an error naming the modules', async t => {
  const bus = new HookBus()
  bus.on('x', 'test.trace', mark('x'), { before: ['y'] })
  bus.on('y', 'test.trace', mark('y'), { before: ['x'] })
  bus.on('z', 'test.trace', mark('z'))
  t.throws(() => bus.freeze(['x', 'y', 'z']), { message: /test\.trace.*cycle.*x, y/ })
})

t.test('constraints on one hook do not leak into another', async t => {
  const bus = new HookBus()
  bus.on('a', 'test.trace', mark('a'), { after: ['b'] })
  bus.on('b', 'test.trace', mark('b'))
  bus.on('a', 'test.other', mark('a'))
  bus.on('b', 'test.other', mark('b'))
  bus.freeze(['a', 'b'])
  t.same(bus.list(), { 'test.other': ['a', 'b'], 'test.trace': ['b', 'a'] })
  t.ok(bus.has('test.trace'))
  t.notOk(bus.has('test.value'))
})

t.test('registering after freeze throws and changes nothing', async t => {
  const bus = new HookBus()
  bus.on('a', 'test.trace', mark('a'))
  bus.freeze(['a'])
  t.throws(() => { bus.on('late', 'test.trace', mark('late')) }, { message: /late.*after boot/ })
  t.same(await run(bus), ['a'])
  t.same(bus.list(), { 'test.trace': ['a'] })
})
