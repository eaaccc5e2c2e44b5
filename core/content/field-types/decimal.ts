// The `decimal` type: exact fixed-point numbers as strings; DECIMAL(p,s) on MySQL, scaled INTEGER on SQLite.
import type { FieldTypeDefinition } from '../field-type-types.js'
import type { FieldDefinition } from '../definition-types.js'
import { ORDERED_OPERATORS, intSetting, settingsSchema } from './shared.js'

export const DECIMAL_DEFAULT_PRECISION = 10
export const DECIMAL_DEFAULT_SCALE = 2
const MAX_PRECISION = 65
const MAX_SCALE = 30
const INT64_MAX = 2n ** 63n - 1n
const INT64_MIN = -(2n ** 63n)

/** Any plain decimal literal (settings min/max): no exponent, no '+', no empty parts. */
const DECIMAL_LITERAL = /^(-?)(\d+)(?:\.(\d+))?$/

export function decimalShape (field: FieldDefinition): { precision: number, scale: number } {
  const precision = intSetting(field, 'precision', DECIMAL_DEFAULT_PRECISION)
  const scale = intSetting(field, 'scale', DECIMAL_DEFAULT_SCALE)
  return { precision, scale }
}

/** Pattern of one value: up to precision−scale integer digits (no leading zeros), up to scale fraction digits. */
export function decimalPattern (precision: number, scale: number): string {
  const intDigits = Math.max(0, precision - scale)
  const integer = intDigits === 0 ? '0' : `(?:0|[1-9]\\d{0,${intDigits - 1}})`
  const fraction = scale > 0 ? `(?:\\.\\d{1,${scale}})?` : ''
  return `^-?${integer}${fraction}$`
}

// All arithmetic is BigInt on the digits: SQLite stores value × 10^scale as an INTEGER.
/** The decimal literal as an integer count of 10^-scale units; throws if it has finer digits. */
export function toScaled (value: string, scale: number): bigint {
  const match = DECIMAL_LITERAL.exec(value)
  if (match === null) throw new RangeError(`Not a decimal: ${value}`)
  const [, sign = '', integer = '0', fraction = ''] = match
  const kept = fraction.slice(0, scale)
  if (/[1-9]/.test(fraction.slice(scale))) throw new RangeError(`More than ${scale} fraction digits: ${value}`)
  const units = BigInt(integer + kept.padEnd(scale, '0'))
  return sign === '-' ? -units : units
}

export function fromScaled (units: bigint, scale: number): string {
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0')
  const integer = scale === 0 ? digits : digits.slice(0, -scale)
  const text = scale === 0 ? integer : `${integer}.${digits.slice(-scale)}`
  return negative ? `-${text}` : text
}

export function canonicalDecimal (value: string, scale: number): string {
  return fromScaled(toScaled(value, scale), scale)
}

/** Compares two decimal literals exactly: -1, 0 or 1. */
export function compareDecimal (a: string, b: string): number {
  const fractionLength = (text: string): number => DECIMAL_LITERAL.exec(text)?.[3]?.length ?? 0
  const scale = Math.max(fractionLength(a), fractionLength(b))
  const x = toScaled(a, scale)
  const y = toScaled(b, scale)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * scale ≤ precision, where an absent precision means the default (10). One branch per exact
 * scale, so a violation is reported once (with the bound that matters), not once per smaller scale.
 */
const scaleWithinPrecision = Array.from({ length: MAX_SCALE }, (_, i) => i + 1).map(scale => ({
  if: { type: 'object', required: ['scale'], properties: { scale: { const: scale } } },
  then: {
    type: 'object',
    ...(scale > DECIMAL_DEFAULT_PRECISION ? { required: ['precision'] } : {}),
    properties: { precision: { type: 'integer', minimum: scale } }
  }
}))

const decimalLiteral = { type: 'string', pattern: DECIMAL_LITERAL.source, maxLength: 100 }

export const decimalType: FieldTypeDefinition = {
  name: 'decimal',
  settings: {
    ...settingsSchema({
      precision: { type: 'integer', minimum: 1, maximum: MAX_PRECISION, default: DECIMAL_DEFAULT_PRECISION },
      scale: { type: 'integer', minimum: 0, maximum: MAX_SCALE, default: DECIMAL_DEFAULT_SCALE },
      min: decimalLiteral,
      max: decimalLiteral
    }),
    allOf: scaleWithinPrecision
  },
  column: field => ({ kind: 'decimal', ...decimalShape(field) }),
  schema (field) {
    const { precision, scale } = decimalShape(field)
    return { type: 'string', pattern: decimalPattern(precision, scale) }
  },
  check (value, field) {
    const { precision, scale } = decimalShape(field)
    if (typeof value !== 'string' || !new RegExp(decimalPattern(precision, scale)).test(value)) {
      return `must be a decimal string with at most ${precision - scale} integer and ${scale} fraction digits`
    }
    const min = field.min
    const max = field.max
    if (typeof min === 'string' && DECIMAL_LITERAL.test(min) && compareDecimal(value, min) < 0) return `must be at least ${min}`
    if (typeof max === 'string' && DECIMAL_LITERAL.test(max) && compareDecimal(value, max) > 0) return `must be at most ${max}`
    return undefined
  },
  normalize: (value, field) => typeof value === 'string' ? canonicalDecimal(value, decimalShape(field).scale) : value,
  toDb (value, field, dialect) {
    if (typeof value !== 'string') return value
    const { scale } = decimalShape(field)
    if (dialect === 'mysql') return canonicalDecimal(value, scale)
    const units = toScaled(value, scale)
    if (units >= BigInt(Number.MIN_SAFE_INTEGER) && units <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(units)
    // Exact in the column; exact on the way back only if the driver reads 64-bit integers as bigint.
    if (units >= INT64_MIN && units <= INT64_MAX) return units
    throw new RangeError(`Decimal ${value} does not fit a 64-bit scaled integer on SQLite`)
  },
  fromDb (value, field) {
    const { scale } = decimalShape(field)
    if (typeof value === 'bigint') return fromScaled(value, scale)
    if (typeof value === 'number') {
      if (!Number.isInteger(value)) throw new RangeError(`Not a scaled decimal: ${value}`)
      return fromScaled(BigInt(value), scale)
    }
    if (typeof value === 'string') return canonicalDecimal(value, scale)
    return value
  },
  operators: ORDERED_OPERATORS,
  sortable: true
}
