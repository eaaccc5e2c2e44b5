// Unit tests of the `json` field type.
import t from 'tap'
import { jsonDepth, jsonType } from '../../../core/content/field-types/json.js'
import { accepts, field, roundTrip, settingsSchema } from './helpers.js'

function nested (depth: number): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value }
  return value
}

t.test('json: any JSON value within depth and size', async t => {
  const ok = accepts(jsonType)
  for (const value of [{ a: [1, 'b', true, null] }, [], 'text', 12.5, false, { '😀': '𝄞' }]) t.ok(ok(value), `accepts ${JSON.stringify(value)}`)
  t.equal(jsonDepth(nested(32)), 32)
  t.ok(ok(nested(32)), '32 levels')
  t.notOk(ok(nested(33)), '33 levels')
  t.notOk(ok(nested(100_000)), 'very deep nesting is refused without overflowing the stack')
  t.ok(ok({ s: 'x'.repeat(65536 - 8) }), 'exactly 65536 bytes')
  t.notOk(ok({ s: 'x'.repeat(65536 - 7) }), 'one byte over the default maxBytes')
  t.notOk(accepts(jsonType, { maxBytes: 10 })('😀😀😀'), 'bytes, not characters: 14 bytes')
  t.ok(accepts(jsonType, { maxBytes: 14 })('😀😀😀'))
  t.notOk(ok(JSON.parse('{"a":{"__proto__":{"x":1}}}')), 'a __proto__ key')
  t.notOk(ok({ constructor: { prototype: { x: 1 } } }), 'a constructor.prototype key')
  t.ok(ok({ constructor: 'fine' }), 'a plain constructor key')
})

t.test('json: settings', async t => {
  const valid = settingsSchema(jsonType)
  t.ok(valid({ maxBytes: 1024 }))
  t.notOk(valid({ maxBytes: 0 }))
  t.notOk(valid({ maxBytes: '1024' }))
  t.notOk(valid({ maxBytes: 1e9 }))
})

t.test('json: storage', async t => {
  const f = field(jsonType)
  const value = { a: [1, 2, { b: '😀' }], c: null }
  t.equal(jsonType.toDb(value, f, 'sqlite'), '{"a":[1,2,{"b":"😀"}],"c":null}')
  t.equal(jsonType.toDb('text', f, 'mysql'), '"text"', 'a string value is stored as JSON text')
  for (const dialect of ['sqlite', 'mysql'] as const) {
    t.same(roundTrip(jsonType, value, dialect), value, dialect)
    t.equal(roundTrip(jsonType, '123', dialect), '123', `${dialect}: a string stays a string`)
    t.equal(roundTrip(jsonType, 0, dialect), 0)
  }
  t.same(jsonType.fromDb({ a: 1 }, f), { a: 1 }, 'an object parsed by the driver passes through')
  t.same(jsonType.column(f), { kind: 'json' })
  t.same([...jsonType.operators].sort(), ['IS NOT NULL', 'IS NULL'])
  t.equal(jsonType.sortable, false)
})
