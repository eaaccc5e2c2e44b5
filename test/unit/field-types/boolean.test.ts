// Unit tests of the `boolean` field type.
import t from 'tap'
import { booleanType } from '../../../core/content/field-types/boolean.js'
import { field, roundTrip, settingsSchema, valueSchema } from './helpers.js'

t.test('boolean: schema accepts only JSON booleans', async t => {
  const valid = valueSchema(booleanType)
  t.ok(valid(true))
  t.ok(valid(false))
  for (const bad of [0, 1, 'true', 'false', '1', null, []]) t.notOk(valid(bad), `rejects ${JSON.stringify(bad)}`)
  t.ok(settingsSchema(booleanType)({}))
  t.notOk(settingsSchema(booleanType)({ maxLength: 3 }), 'no settings of its own')
})

t.test('boolean: storage as 1/0 on both dialects', async t => {
  const f = field(booleanType)
  for (const dialect of ['sqlite', 'mysql'] as const) {
    t.equal(booleanType.toDb(true, f, dialect), 1, `${dialect}: true → 1`)
    t.equal(booleanType.toDb(false, f, dialect), 0, `${dialect}: false → 0`)
    t.equal(roundTrip(booleanType, true, dialect), true)
    t.equal(roundTrip(booleanType, false, dialect), false)
  }
  for (const stored of [1, true, '1']) t.equal(booleanType.fromDb(stored, f), true, `${JSON.stringify(stored)} → true`)
  for (const stored of [0, false, '0']) t.equal(booleanType.fromDb(stored, f), false, `${JSON.stringify(stored)} → false`)
  t.equal(booleanType.fromDb(null, f), null)
  t.throws(() => booleanType.fromDb(2, f), 'a value this type never wrote is not guessed')
})

t.test('boolean: column, operators, sorting', async t => {
  t.same(booleanType.column(field(booleanType)), { kind: 'boolean' })
  t.same([...booleanType.operators].sort(), ['<>', '=', 'IS NOT NULL', 'IS NULL'])
  t.equal(booleanType.sortable, true)
})
