// Unit tests of the relationship field types `reference` and `media`.
import t from 'tap'
import { mediaType, referenceType } from '../../../core/content/field-types/reference.js'
import { field, roundTrip, settingsSchema, valueSchema } from './helpers.js'

const ID = '0190a6f4-7b2c-7d3e-8f40-1a2b3c4d5e6f'

t.test('reference: resource identifiers of the target types', async t => {
  const valid = valueSchema(referenceType, { target: ['person', 'team'] })
  t.ok(valid({ type: 'person', id: ID }))
  t.ok(valid({ type: 'team', id: ID, meta: { role: 'lead' } }))
  const bad = [
    { type: 'tag', id: ID }, { type: 'person' }, { id: ID }, { type: 'person', id: ID.toUpperCase() },
    { type: 'person', id: 'not-a-uuid' }, { type: 'person', id: `${ID}0` }, { type: 'person', id: 5 },
    { type: 'person', id: ID, attributes: {} }, { type: 'person', id: ID, meta: 'x' }, ID, null, [{ type: 'person', id: ID }]
  ]
  for (const value of bad) t.notOk(valid(value), `rejects ${JSON.stringify(value)}`)
})

t.test('reference: settings', async t => {
  const valid = settingsSchema(referenceType)
  t.ok(valid({ target: ['person'] }))
  t.ok(valid({ target: Array.from({ length: 20 }, (_, i) => `t${i}`) }))
  t.notOk(valid({}), 'target is required')
  t.notOk(valid({ target: [] }))
  t.notOk(valid({ target: Array.from({ length: 21 }, (_, i) => `t${i}`) }))
  t.notOk(valid({ target: ['person', 'person'] }), 'unique')
  for (const name of ['Person', '1person', 'per-son', 'a'.repeat(33), '']) t.notOk(valid({ target: [name] }), `refuses ${JSON.stringify(name)}`)
  t.notOk(valid({ target: 'person' }), 'an array')
})

t.test('reference: storage, column, operators', async t => {
  const f = field(referenceType, { target: ['person'] })
  for (const dialect of ['sqlite', 'mysql'] as const) {
    t.equal(referenceType.toDb({ type: 'person', id: ID }, f, dialect), ID, `${dialect}: the id is stored`)
    t.equal(roundTrip(referenceType, { type: 'person', id: ID }, dialect, { target: ['person'] }), ID)
  }
  t.equal(referenceType.fromDb(ID, f), ID)
  t.equal(referenceType.relationship, true)
  t.same(referenceType.column(f), { kind: 'uuid' })
  t.same([...referenceType.operators].sort(), ['<>', '=', 'IN', 'IS NOT NULL', 'IS NULL', 'NOT IN'])
  t.equal(referenceType.sortable, false)
})

t.test('media: a reference to a file', async t => {
  const valid = valueSchema(mediaType)
  t.ok(valid({ type: 'file', id: ID }))
  t.notOk(valid({ type: 'person', id: ID }))
  t.notOk(valueSchema(mediaType, { target: ['person'] })({ type: 'person', id: ID }), 'a target setting does not widen it')
  t.notOk(settingsSchema(mediaType)({ target: ['person'] }), 'no target setting')
  t.ok(settingsSchema(mediaType)({}))
  t.equal(mediaType.relationship, true)
  t.same(mediaType.column(field(mediaType)), { kind: 'uuid' })
  t.equal(mediaType.toDb({ type: 'file', id: ID }, field(mediaType), 'mysql'), ID)
  t.same([...mediaType.operators].sort(), ['<>', '=', 'IN', 'IS NOT NULL', 'IS NULL', 'NOT IN'])
  t.equal(mediaType.sortable, false)
})
