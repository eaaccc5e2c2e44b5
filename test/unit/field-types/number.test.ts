// Unit tests of the `integer` and `float` field types.
import t from 'tap'
import { floatType, integerType } from '../../../core/content/field-types/number.js'
import { field, roundTrip, settingsSchema, valueSchema } from './helpers.js'

const ORDERED = ['<', '<=', '<>', '=', '>', '>=', 'BETWEEN', 'IN', 'IS NOT NULL', 'IS NULL', 'NOT BETWEEN', 'NOT IN']

t.test('integer: 32-bit range and JSON type', async t => {
  const valid = valueSchema(integerType)
  for (const ok of [0, -1, 42, 2147483647, -2147483648]) t.ok(valid(ok), `accepts ${ok}`)
  for (const bad of [2147483648, -2147483649, 1.5, '5', '1e3', 'NaN', true, null, [], {}]) {
    t.notOk(valid(bad), `rejects ${JSON.stringify(bad)}`)
  }
})

t.test('integer: min and max settings narrow the range, never widen it', async t => {
  const rating = valueSchema(integerType, { min: 0, max: 5 })
  t.ok(rating(0))
  t.ok(rating(5))
  t.notOk(rating(-1))
  t.notOk(rating(6))
  t.same(integerType.schema(field(integerType, { min: 0, max: 5 })), { type: 'integer', minimum: 0, maximum: 5 })
  t.same(integerType.schema(field(integerType)), { type: 'integer', minimum: -2147483648, maximum: 2147483647 })
  t.same(integerType.schema(field(integerType, { min: -1e12, max: 1e12 })), { type: 'integer', minimum: -2147483648, maximum: 2147483647 })
  const settings = settingsSchema(integerType)
  t.ok(settings({ min: -10, max: 10 }))
  t.notOk(settings({ min: 0.5 }), 'min must be an integer')
  t.notOk(settings({ max: '5' }), 'max must be a number')
  t.notOk(settings({ max: 2147483648 }), 'max beyond 32 bits')
  t.notOk(settings({ precision: 3 }), 'a setting of another type')
})

t.test('integer: column, operators, round trip', async t => {
  t.same(integerType.column(field(integerType)), { kind: 'integer' })
  t.same([...integerType.operators].sort(), ORDERED)
  t.equal(integerType.sortable, true)
  for (const dialect of ['sqlite', 'mysql'] as const) t.equal(roundTrip(integerType, -2147483648, dialect), -2147483648)
  t.equal(integerType.fromDb('17', field(integerType)), 17, 'a numeric string from the driver')
  t.equal(integerType.fromDb(17n, field(integerType)), 17, 'a bigint from the driver')
})

t.test('float: schema, bounds, finiteness', async t => {
  const valid = valueSchema(floatType)
  for (const ok of [0, -0.5, 1e300, 3]) t.ok(valid(ok), `accepts ${ok}`)
  for (const bad of ['1.5', 'NaN', 'Infinity', true, null, {}]) t.notOk(valid(bad), `rejects ${JSON.stringify(bad)}`)
  const bounded = valueSchema(floatType, { min: -1.5, max: 2.25 })
  t.ok(bounded(-1.5))
  t.ok(bounded(2.25))
  t.notOk(bounded(-1.51))
  t.notOk(bounded(2.2500001))
  t.same(floatType.schema(field(floatType)), { type: 'number' })
  const check = (value: unknown): string | undefined => floatType.check!(value, field(floatType))
  t.type(check(Number.NaN), 'string', 'NaN from module code is refused')
  t.type(check(Number.POSITIVE_INFINITY), 'string', 'Infinity is refused')
  t.equal(check(1.25), undefined)
  const settings = settingsSchema(floatType)
  t.ok(settings({ min: -0.5, max: 10 }))
  t.notOk(settings({ min: '0' }))
})

t.test('float: column, operators, round trip', async t => {
  t.same(floatType.column(field(floatType)), { kind: 'float' })
  t.same([...floatType.operators].sort(), ORDERED)
  t.equal(floatType.sortable, true)
  for (const dialect of ['sqlite', 'mysql'] as const) t.equal(roundTrip(floatType, 0.1 + 0.2, dialect), 0.1 + 0.2)
  t.equal(floatType.fromDb('2.5', field(floatType)), 2.5)
})
