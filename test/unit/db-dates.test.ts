// fromDbDateTime rewrites the databases' common datetime text without a Date round trip: it must
// answer exactly what the round trip answers, and still refuse what is not a datetime.
import t from 'tap'
import { fromDbDateTime } from '../../core/db/dates.js'

function roundTrip (text: string): string {
  const iso = text.includes('T') ? text : text.replace(' ', 'T')
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : iso + 'Z').toISOString()
}

t.test('the same answer as a Date round trip', async t => {
  const samples = ['2022-01-01 00:01:00.000', '2022-01-01 00:01:00', '2022-12-28 23:59:59.9', '2022-12-28T23:59:59.123456',
    '0001-01-01 00:00:00.5', '2024-02-29 12:30:00.123', '2023-02-29 00:00:00', '2022-01-31 10:00:00.000', '2022-01-01T00:00:00+02:00', '2022-01-01 00:00:00Z']
  for (const text of samples) t.equal(fromDbDateTime(text), roundTrip(text), text)
  let differ = 0
  for (let i = 0; i < 20000; i++) {
    const text = new Date(Math.floor(Math.random() * 253402300799999)).toISOString().replace('T', ' ').replace('Z', '')
    if (fromDbDateTime(text) !== roundTrip(text)) differ++
  }
  t.equal(differ, 0, 'random datetimes of years 1970–9999')
  t.equal(fromDbDateTime(new Date('2022-01-01T00:00:00Z')), '2022-01-01T00:00:00.000Z', 'a Date')
  t.equal(fromDbDateTime(null), null)
})

t.test('what is not a datetime is still refused', async t => {
  t.throws(() => fromDbDateTime('2022-13-01 00:00:00'), RangeError)
  t.throws(() => fromDbDateTime('not a date'), RangeError)
})
