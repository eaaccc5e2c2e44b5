// Unit tests of the `datetime` and `date` field types: RFC 3339 in, impossible dates out, UTC storage.
import t from 'tap'
import { dateType, datetimeType } from '../../../core/content/field-types/datetime.js'
import { accepts, field, roundTrip, valueSchema } from './helpers.js'

const CALENDAR_OPERATORS = ['<', '<=', '<>', '=', '>', '>=', 'BETWEEN', 'IN', 'IS NOT NULL', 'IS NULL', 'NOT BETWEEN', 'NOT IN']

t.test('datetime: accepted forms', async t => {
  const ok = accepts(datetimeType)
  for (const value of ['2024-02-29T10:00:00+02:00', '2024-02-29T10:00:00Z', '2024-02-29T10:00:00.5Z',
    '2024-02-29T10:00:00.123456789-05:30', '2000-02-29T00:00:00z', '1000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z',
    '2024-12-31t23:59:59-00:00']) {
    t.ok(ok(value), `accepts ${value}`)
  }
})

t.test('datetime: refused forms', async t => {
  const ok = accepts(datetimeType)
  const bad = [
    '2023-02-29T10:00:00Z', '1900-02-29T10:00:00Z', '2024-13-01T10:00:00Z', '2024-00-10T10:00:00Z', '2024-04-31T10:00:00Z',
    '2024-01-00T10:00:00Z', '2024-01-01T24:00:01Z', '2024-01-01T24:00:00Z', '2024-01-01T10:60:00Z', '2024-01-01T10:00:60Z',
    '2024-01-01T10:00:00+24:00', '2024-01-01T10:00:00+02:60', '0999-12-31T23:59:59Z', '1000-01-01T00:30:00+01:00',
    '9999-12-31T23:00:00-02:00', '10000-01-01T00:00:00Z', '2024-01-01', 'tomorrow', '2024-01-01 10:00:00',
    '2024-01-01T10:00:00', '2024-01-01T10:00Z', '2024-01-01T10:00:00+0200', '2024-01-01T10:00:00.Z',
    '2024-01-01T10:00:00.1234567890Z', ' 2024-01-01T10:00:00Z', '2024-1-1T10:00:00Z', '+002024-01-01T10:00:00Z',
    'Mon, 01 Jan 2024 10:00:00 GMT', '1704103200000', ''
  ]
  for (const value of bad) t.notOk(ok(value), `refuses ${JSON.stringify(value)}`)
  for (const wrong of [1704103200000, true, null, {}]) t.notOk(valueSchema(datetimeType)(wrong), `schema refuses ${JSON.stringify(wrong)}`)
  t.match(datetimeType.check!('2023-02-29T10:00:00Z', field(datetimeType)), /day/, 'check names the problem')
  t.equal(datetimeType.check!('2024-02-29T10:00:00Z', field(datetimeType)), undefined)
})

t.test('datetime: stored in UTC, answered with Z at millisecond precision', async t => {
  const f = field(datetimeType)
  t.equal(datetimeType.toDb('2024-02-29T10:00:00+02:00', f, 'mysql'), '2024-02-29 08:00:00.000')
  t.equal(datetimeType.toDb('2024-03-01T01:30:00+02:00', f, 'sqlite'), '2024-02-29 23:30:00.000', 'crosses midnight into Feb 29')
  t.equal(datetimeType.toDb('2024-02-29T10:00:00.123999Z', f, 'sqlite'), '2024-02-29 10:00:00.123', 'finer digits truncated')
  t.equal(datetimeType.toDb('2024-12-31T20:00:00-05:00', f, 'mysql'), '2025-01-01 01:00:00.000')
  t.throws(() => datetimeType.toDb('2023-02-29T10:00:00Z', f, 'mysql'), RangeError)
  for (const dialect of ['sqlite', 'mysql'] as const) {
    t.equal(roundTrip(datetimeType, '2024-02-29T10:00:00+02:00', dialect), '2024-02-29T08:00:00.000Z', dialect)
    t.equal(roundTrip(datetimeType, '1000-01-01T00:00:00.5Z', dialect), '1000-01-01T00:00:00.500Z', dialect)
  }
  t.equal(datetimeType.fromDb('2024-02-29 08:00:00', f), '2024-02-29T08:00:00.000Z', 'MySQL answer without fraction')
  t.equal(datetimeType.fromDb(new Date(Date.UTC(2024, 1, 29, 8)), f), '2024-02-29T08:00:00.000Z', 'a Date from a driver')
  t.equal(datetimeType.fromDb(null, f), null)
})

t.test('datetime: column, operators', async t => {
  t.same(datetimeType.column(field(datetimeType)), { kind: 'datetime' })
  t.same([...datetimeType.operators].sort(), CALENDAR_OPERATORS)
  t.equal(datetimeType.sortable, true)
})

t.test('date: accepted and refused', async t => {
  const ok = accepts(dateType)
  for (const value of ['2024-02-29', '2000-02-29', '1000-01-01', '9999-12-31', '2024-04-30', '2024-01-31']) t.ok(ok(value), `accepts ${value}`)
  const bad = ['2023-02-29', '1900-02-29', '2100-02-29', '2024-04-31', '2024-13-01', '2024-00-01', '2024-01-00', '2024-01-32',
    '0999-12-31', '10000-01-01', '2024-1-1', '2024-01-01T00:00:00Z', '2024/01/01', 'today', ' 2024-01-01', '']
  for (const value of bad) t.notOk(ok(value), `refuses ${JSON.stringify(value)}`)
  t.notOk(valueSchema(dateType)(20240101), 'a number is not a date')
})

t.test('date: storage and driver answers', async t => {
  const f = field(dateType)
  for (const dialect of ['sqlite', 'mysql'] as const) {
    t.equal(dateType.toDb('2024-02-29', f, dialect), '2024-02-29')
    t.equal(roundTrip(dateType, '2024-02-29', dialect), '2024-02-29')
  }
  t.equal(dateType.fromDb(new Date(Date.UTC(2024, 1, 29)), f), '2024-02-29', 'a Date object')
  t.equal(dateType.fromDb('2024-02-29 00:00:00', f), '2024-02-29')
  t.throws(() => dateType.fromDb('garbage', f), RangeError)
  t.same(dateType.column(f), { kind: 'date' })
  t.same([...dateType.operators].sort(), CALENDAR_OPERATORS)
  t.equal(dateType.sortable, true)
})
