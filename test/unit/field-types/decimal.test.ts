// Unit tests of the `decimal` field type: string exchange, exact scaled storage on SQLite.
import t from 'tap'
import knexFactory from 'knex'
import { compareDecimal, decimalType } from '../../../core/content/field-types/decimal.js'
import { accepts, field, roundTrip, settingsSchema, valueSchema } from './helpers.js'

const f = (settings: Record<string, unknown> = {}) => field(decimalType, settings)

t.test('decimal: schema with the default precision 10, scale 2', async t => {
  const valid = valueSchema(decimalType)
  for (const ok of ['0', '12.5', '12.50', '-3', '-0', '99999999.99', '-99999999.99', '0.01']) t.ok(valid(ok), `accepts ${ok}`)
  const bad = ['1e5', '1.234', '123456789', '+1', '.5', '5.', '-', '', '-.5', '1,5', ' 1', '1 ', 'NaN',
    'Infinity', '0x10', '01', '1.2.3', '１２']
  for (const value of bad) t.notOk(valid(value), `rejects ${JSON.stringify(value)}`)
  for (const wrong of [12.5, 12, true, null, {}]) t.notOk(valid(wrong), `rejects the JSON ${JSON.stringify(wrong)}`)
})

t.test('decimal: other precisions and scales', async t => {
  const whole = valueSchema(decimalType, { precision: 3, scale: 0 })
  t.ok(whole('999'))
  t.notOk(whole('1000'))
  t.notOk(whole('1.0'), 'scale 0 takes no fraction')
  const fraction = valueSchema(decimalType, { precision: 2, scale: 2 })
  t.ok(fraction('0.99'))
  t.ok(fraction('-0.5'))
  t.notOk(fraction('1.00'), 'no integer digits left')
  const wide = valueSchema(decimalType, { precision: 65, scale: 30 })
  t.ok(wide('9'.repeat(35) + '.' + '9'.repeat(30)))
  t.notOk(wide('9'.repeat(36)))
})

t.test('decimal: min and max are checked exactly', async t => {
  const ok = accepts(decimalType, { min: '0.01', max: '100' })
  t.ok(ok('0.01'))
  t.ok(ok('100.00'))
  t.notOk(ok('0'))
  t.notOk(ok('100.01'))
  t.notOk(ok('-5'))
  t.equal(compareDecimal('12345678901234567890.1', '12345678901234567890.09'), 1, 'beyond float precision')
  t.equal(compareDecimal('-0', '0.000'), 0)
  t.type(decimalType.check!('1.234', f()), 'string', 'check refuses what the pattern refuses')
})

t.test('decimal: settings', async t => {
  const valid = settingsSchema(decimalType)
  t.ok(valid({}))
  t.ok(valid({ precision: 65, scale: 30 }))
  t.ok(valid({ precision: 5, scale: 5 }))
  t.ok(valid({ scale: 10 }), 'scale 10 fits the default precision 10')
  t.notOk(valid({ scale: 11 }), 'scale 11 exceeds the default precision 10')
  t.notOk(valid({ precision: 4, scale: 5 }), 'scale above precision')
  t.notOk(valid({ precision: 66 }))
  t.notOk(valid({ precision: 0 }))
  t.notOk(valid({ scale: 31, precision: 65 }))
  t.ok(valid({ min: '-10.5', max: '10' }))
  for (const bad of ['1e3', 10, '+1', '.5']) t.notOk(valid({ min: bad }), `min ${JSON.stringify(bad)} refused`)
})

t.test('decimal: normalize to the canonical fixed-scale string', async t => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['12.5', {}, '12.50'], ['-0', {}, '0.00'], ['-0.00', {}, '0.00'], ['0', {}, '0.00'], ['-7.1', {}, '-7.10'],
    ['5', { scale: 0 }, '5'], ['0.5', { precision: 3, scale: 3 }, '0.500'], ['-0.05', {}, '-0.05']
  ]
  for (const [input, settings, canonical] of cases) t.equal(decimalType.normalize!(input, f(settings)), canonical, `${input} → ${canonical}`)
})

t.test('decimal: database values per dialect', async t => {
  const big = { precision: 13, scale: 2 }
  t.equal(decimalType.toDb('12.5', f(), 'sqlite'), 1250, 'SQLite: scaled integer')
  t.equal(decimalType.toDb('-0.05', f(), 'sqlite'), -5)
  t.equal(decimalType.toDb('12.5', f(), 'mysql'), '12.50', 'MySQL: canonical string')
  t.equal(decimalType.toDb('12345678901.23', f(big), 'sqlite'), 1234567890123)
  t.equal(decimalType.fromDb(1250, f()), '12.50', 'a number is a scaled integer')
  t.equal(decimalType.fromDb('12.50', f()), '12.50', 'a string is decimal text')
  t.equal(decimalType.fromDb(-5, f()), '-0.05')
  t.equal(decimalType.toDb('92233720368547758.07', f({ precision: 19, scale: 2 }), 'sqlite'), 9223372036854775807n,
    'beyond 2^53 a bigint keeps it exact')
  t.throws(() => decimalType.toDb('1' + '0'.repeat(20), f({ precision: 30, scale: 0 }), 'sqlite'), RangeError)
  for (const dialect of ['sqlite', 'mysql'] as const) {
    for (const value of ['12345678901.23', '-12345678901.23', '0.01', '-0']) {
      const expected = value === '-0' ? '0.00' : value
      t.equal(roundTrip(decimalType, value, dialect, big), expected, `${dialect}: ${value}`)
    }
  }
})

t.test('decimal: exact through a real SQLite INTEGER column', async t => {
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true })
  t.teardown(() => knex.destroy())
  await knex.schema.createTable('d', table => { table.integer('v') })
  const settings = f({ precision: 15, scale: 2 })
  const values = ['12345678901.23', '9999999999999.99', '-9999999999999.99', '0.10']
  for (const value of values) await knex('d').insert({ v: decimalType.toDb(value, settings, 'sqlite') })
  const rows = await knex('d').select('v').orderBy('v') as Array<{ v: unknown }>
  t.same(rows.map(row => decimalType.fromDb(row.v, settings)), ['-9999999999999.99', '0.10', '12345678901.23', '9999999999999.99'],
    'exact and ordered numerically')
})

t.test('decimal: column, operators', async t => {
  t.same(decimalType.column(f()), { kind: 'decimal', precision: 10, scale: 2 })
  t.same(decimalType.column(f({ precision: 20, scale: 4 })), { kind: 'decimal', precision: 20, scale: 4 })
  t.same([...decimalType.operators].sort(), ['<', '<=', '<>', '=', '>', '>=', 'BETWEEN', 'IN', 'IS NOT NULL', 'IS NULL', 'NOT BETWEEN', 'NOT IN'])
  t.equal(decimalType.sortable, true)
})
