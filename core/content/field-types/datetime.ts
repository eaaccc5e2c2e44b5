// Calendar types: `datetime` (RFC 3339 in, any offset, stored UTC, out as …Z) and `date` (YYYY-MM-DD).
import type { FieldTypeDefinition, Operator } from '../field-type-types.js'
import { toDbDateTime, fromDbDateTime } from '../../db/dates.js'
import { NO_SETTINGS } from './shared.js'

export const DATETIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:[Zz]|[+-]\\d{2}:\\d{2})$'
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'
const DATETIME_PARTS = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/
const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/
const MIN_YEAR = 1000
const MAX_YEAR = 9999

const CALENDAR_OPERATORS: readonly Operator[] = Object.freeze([
  '=', '<>', '>', '>=', '<', '<=', 'IN', 'NOT IN', 'BETWEEN', 'NOT BETWEEN', 'IS NULL', 'IS NOT NULL'
] as const)

export function isLeapYear (year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth (year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function calendarError (year: number, month: number, day: number): string | undefined {
  if (year < MIN_YEAR || year > MAX_YEAR) return `year must be between ${MIN_YEAR} and ${MAX_YEAR}`
  if (month < 1 || month > 12) return 'month must be between 01 and 12'
  if (day < 1 || day > daysInMonth(year, month)) return 'day does not exist in that month'
  return undefined
}

// Parsed by hand: `new Date()` accepts far more than RFC 3339 and rolls impossible dates over
// (2023-02-29 becomes March 1st).
/** The instant of an RFC 3339 date-time (milliseconds kept, finer digits truncated), or an error message. */
export function parseDateTime (value: unknown): Date | string {
  if (typeof value !== 'string') return 'must be a string'
  const match = DATETIME_PARTS.exec(value)
  if (match === null) return 'must be an RFC 3339 date-time such as 2024-02-29T10:00:00+02:00'
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const fraction = match[7] ?? ''
  const error = calendarError(year, month, day)
  if (error !== undefined) return error
  if (hour > 23 || minute > 59 || second > 59) return 'time of day does not exist'
  let offsetMinutes = 0
  if (match[8] !== undefined) {
    const offsetHours = Number(match[9])
    const offsetMins = Number(match[10])
    if (offsetHours > 23 || offsetMins > 59) return 'offset does not exist'
    offsetMinutes = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins)
  }
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'))
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute - offsetMinutes, second, millis)
  const utcYear = date.getUTCFullYear()
  if (utcYear < MIN_YEAR || utcYear > MAX_YEAR) return `year in UTC must be between ${MIN_YEAR} and ${MAX_YEAR}`
  return date
}

export function dateError (value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string'
  const match = DATE_PARTS.exec(value)
  if (match === null) return 'must be a date such as 2024-02-29'
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number]
  return calendarError(year, month, day)
}

export const datetimeType: FieldTypeDefinition = {
  name: 'datetime',
  settings: NO_SETTINGS,
  column: () => ({ kind: 'datetime' }),
  schema: () => ({ type: 'string', pattern: DATETIME_PATTERN }),
  check (value) {
    const parsed = parseDateTime(value)
    return typeof parsed === 'string' ? parsed : undefined
  },
  // Any offset in, UTC out: the item (hooks, the write's response) holds what will be read back.
  normalize (value) {
    const parsed = parseDateTime(value)
    return typeof parsed === 'string' ? value : parsed.toISOString()
  },
  toDb (value) {
    if (value instanceof Date) return toDbDateTime(value)
    const parsed = parseDateTime(value)
    if (typeof parsed === 'string') throw new RangeError(`Invalid datetime ${String(value)}: ${parsed}`)
    return toDbDateTime(parsed)
  },
  fromDb: value => fromDbDateTime(value),
  operators: CALENDAR_OPERATORS,
  sortable: true
}

export const dateType: FieldTypeDefinition = {
  name: 'date',
  settings: NO_SETTINGS,
  column: () => ({ kind: 'date' }),
  schema: () => ({ type: 'string', pattern: DATE_PATTERN }),
  check: value => dateError(value),
  toDb: value => value,
  fromDb (value) {
    if (value === null || value === undefined) return null
    if (value instanceof Date) return value.toISOString().slice(0, 10)
    const text = String(value)
    // MySQL answers 'YYYY-MM-DD'; a DATETIME-ish answer keeps its calendar day.
    if (/^\d{4}-\d{2}-\d{2}(?:$|[ T])/.test(text)) return text.slice(0, 10)
    throw new RangeError(`Not a stored date: ${text}`)
  },
  operators: CALENDAR_OPERATORS,
  sortable: true
}
