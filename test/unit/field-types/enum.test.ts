// Unit tests of the `enum` field type.
import t from 'tap'
import { enumType } from '../../../core/content/field-types/enum.js'
import { field, roundTrip, settingsSchema, valueSchema } from './helpers.js'

t.test('enum: only declared values pass', async t => {
  const valid = valueSchema(enumType, { values: ['news', 'howto', 'émoji😀'] })
  t.ok(valid('news'))
  t.ok(valid('émoji😀'))
  for (const bad of ['News', 'news ', '', 'other', 1, null, ['news']]) t.notOk(valid(bad), `rejects ${JSON.stringify(bad)}`)
})

t.test('enum: settings', async t => {
  const valid = settingsSchema(enumType)
  t.ok(valid({ values: ['a'] }))
  t.ok(valid({ values: Array.from({ length: 200 }, (_, i) => `v${i}`) }))
  t.notOk(valid({}), 'values is required')
  t.notOk(valid({ values: [] }), 'at least one value')
  t.notOk(valid({ values: Array.from({ length: 201 }, (_, i) => `v${i}`) }), 'at most 200 values')
  t.notOk(valid({ values: ['a', 'a'] }), 'values are unique')
  t.notOk(valid({ values: [''] }), 'no empty value')
  t.ok(valid({ values: ['x'.repeat(64)] }))
  t.notOk(valid({ values: ['x'.repeat(65)] }), 'at most 64 characters')
  t.notOk(valid({ values: [1, 2] }), 'strings only')
  t.notOk(valid({ values: 'a,b' }), 'an array')
})

t.test('enum: column width is the longest value in characters', async t => {
  t.same(enumType.column(field(enumType, { values: ['a', 'abcd', 'ab'] })), { kind: 'string', length: 4 })
  t.same(enumType.column(field(enumType, { values: ['😀😀😀', 'ab'] })), { kind: 'string', length: 3 })
})

t.test('enum: operators, sorting, round trip', async t => {
  t.same([...enumType.operators].sort(), ['<>', '=', 'IN', 'IS NOT NULL', 'IS NULL', 'NOT IN'])
  t.equal(enumType.sortable, true)
  for (const dialect of ['sqlite', 'mysql'] as const) t.equal(roundTrip(enumType, 'howto', dialect, { values: ['howto'] }), 'howto')
})
