// Unit tests of the core field type list: names, relationship flags, schemas valid under strict ajv.
import t from 'tap'
import { Ajv } from 'ajv'
import { coreFieldTypes } from '../../../core/content/field-types/index.js'
import { field } from './helpers.js'

const SAMPLE_SETTINGS: Record<string, Record<string, unknown>> = {
  enum: { values: ['a', 'b'] },
  reference: { target: ['person'] }
}

t.test('the contract lists exactly these core types', async t => {
  t.same(coreFieldTypes.map(type => type.name), ['string', 'text', 'richtext', 'integer', 'decimal', 'float', 'boolean',
    'datetime', 'date', 'enum', 'email', 'url', 'slug', 'json', 'reference', 'media'])
  t.same(coreFieldTypes.filter(type => type.relationship === true).map(type => type.name), ['reference', 'media'])
  t.ok(Object.isFrozen(coreFieldTypes))
})

t.test('settings and value schemas compile under strict ajv', async t => {
  const ajv = new Ajv({ strict: true, allErrors: true })
  for (const type of coreFieldTypes) {
    t.doesNotThrow(() => ajv.compile(type.settings ?? {}), `${type.name} settings`)
    const settings = SAMPLE_SETTINGS[type.name] ?? {}
    t.doesNotThrow(() => ajv.compile(type.schema(field(type, settings))), `${type.name} value`)
    t.ok(ajv.validate(type.settings ?? {}, settings), `${type.name}: sample settings valid`)
    t.notOk(ajv.validate(type.settings ?? {}, { ...settings, noSuchSetting: 1 }), `${type.name}: unknown setting refused`)
  }
})

t.test('operators are drawn from the fifteen and never repeat', async t => {
  const known = new Set(['=', '<>', '>', '>=', '<', '<=', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH', 'IN', 'NOT IN',
    'BETWEEN', 'NOT BETWEEN', 'IS NULL', 'IS NOT NULL'])
  for (const type of coreFieldTypes) {
    t.equal(new Set(type.operators).size, type.operators.length, `${type.name}: no duplicates`)
    t.same(type.operators.filter(op => !known.has(op)), [], `${type.name}: known operators only`)
    t.ok(type.operators.includes('IS NULL') && type.operators.includes('IS NOT NULL'), `${type.name}: null tests`)
  }
})
