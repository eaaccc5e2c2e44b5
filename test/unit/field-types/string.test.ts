// Unit tests of the `string` and `text` field types.
import t from 'tap'
import { stringType, textType } from '../../../core/content/field-types/string.js'
import { field, roundTrip, settingsSchema, valueSchema } from './helpers.js'

const EMOJI = '😀'

t.test('string: value schema', async t => {
  const valid = valueSchema(stringType)
  t.ok(valid(''), 'empty string')
  t.ok(valid('a'.repeat(255)), 'default maxLength 255')
  t.notOk(valid('a'.repeat(256)), 'one over the default maxLength')
  t.ok(valid(EMOJI.repeat(255)), '255 emoji (510 UTF-16 units) count as 255 characters')
  t.notOk(valid(EMOJI.repeat(256)), '256 emoji are too long')
  for (const wrong of [5, true, null, {}, ['a']]) t.notOk(valid(wrong), `rejects ${JSON.stringify(wrong)}`)
  const short = valueSchema(stringType, { maxLength: 3 })
  t.ok(short('abc'))
  t.notOk(short('abcd'))
})

t.test('string: settings and column', async t => {
  const valid = settingsSchema(stringType)
  t.ok(valid({}))
  t.ok(valid({ maxLength: 1 }))
  t.ok(valid({ maxLength: 1024 }))
  for (const maxLength of [0, 1025, 1.5, '10', null]) t.notOk(valid({ maxLength }), `rejects maxLength ${JSON.stringify(maxLength)}`)
  t.notOk(valid({ maxlength: 10 }), 'unknown setting key (typo) refused')
  t.same(stringType.column(field(stringType)), { kind: 'string', length: 255 })
  t.same(stringType.column(field(stringType, { maxLength: 40 })), { kind: 'string', length: 40 })
})

t.test('string: operators and sorting', async t => {
  t.same([...stringType.operators].sort(), ['<', '<=', '<>', '=', '>', '>=', 'BETWEEN', 'CONTAINS', 'ENDS_WITH',
    'IN', 'IS NOT NULL', 'IS NULL', 'NOT BETWEEN', 'NOT IN', 'STARTS_WITH'])
  t.equal(stringType.sortable, true)
})

t.test('string: round trip keeps 4-byte characters byte for byte', async t => {
  const value = `a${EMOJI}b 𝄞 é`
  for (const dialect of ['sqlite', 'mysql'] as const) {
    const back = roundTrip(stringType, value, dialect)
    t.equal(back, value, dialect)
    t.equal(Buffer.compare(Buffer.from(back as string), Buffer.from(value)), 0, `${dialect}: same bytes`)
  }
  t.equal(stringType.fromDb(Buffer.from(EMOJI), field(stringType)), EMOJI, 'a Buffer from the driver becomes a string')
})

t.test('text: schema, settings, column, operators', async t => {
  const valid = valueSchema(textType)
  t.ok(valid('x'.repeat(1_000_000)), 'default maxLength 1,000,000')
  t.notOk(valid('x'.repeat(1_000_001)))
  t.notOk(valid(12))
  t.ok(valueSchema(textType, { maxLength: 2 })(EMOJI + EMOJI), 'emoji count as one character')
  t.notOk(valueSchema(textType, { maxLength: 2 })(EMOJI.repeat(3)))
  const settings = settingsSchema(textType)
  t.ok(settings({ maxLength: 4_000_000 }))
  t.notOk(settings({ maxLength: 4_000_001 }))
  t.notOk(settings({ maxLength: 0 }))
  t.same(textType.column(field(textType, { maxLength: 50 })), { kind: 'text' })
  t.same([...textType.operators].sort(), ['<>', '=', 'CONTAINS', 'ENDS_WITH', 'IS NOT NULL', 'IS NULL', 'STARTS_WITH'])
  t.equal(textType.sortable, false)
  t.equal(roundTrip(textType, `line\n${EMOJI}`, 'mysql'), `line\n${EMOJI}`)
})
