// The `json` type: any JSON value, bounded in nesting depth and serialized size.
import type { FieldTypeDefinition } from '../field-type-types.js'
import { NULL_OPERATORS, intSetting, settingsSchema } from './shared.js'

export const JSON_MAX_DEPTH = 32
export const JSON_DEFAULT_BYTES = 65536
export const JSON_MAX_BYTES = 16 * 1024 * 1024

/** How many arrays/objects deep the value goes (a scalar is 0), counting no further than `limit` + 1. */
export function jsonDepth (value: unknown, limit = JSON_MAX_DEPTH): number {
  if (value === null || typeof value !== 'object') return 0
  if (limit < 0) return 1
  let deepest = 0
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, jsonDepth(child, limit - 1))
    if (deepest > limit) break
  }
  return deepest + 1
}

/** A key that would reach an object's prototype if the value were merged somewhere carelessly. */
function hasPrototypeKey (value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > JSON_MAX_DEPTH) return false
  for (const [key, child] of Object.entries(value)) {
    if (key === '__proto__') return true
    if (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype')) return true
    if (hasPrototypeKey(child, depth + 1)) return true
  }
  return false
}

export const jsonType: FieldTypeDefinition = {
  name: 'json',
  settings: settingsSchema({
    maxBytes: { type: 'integer', minimum: 1, maximum: JSON_MAX_BYTES, default: JSON_DEFAULT_BYTES }
  }),
  column: () => ({ kind: 'json' }),
  schema: () => ({}),
  check (value, field) {
    if (jsonDepth(value) > JSON_MAX_DEPTH) return `must not nest deeper than ${JSON_MAX_DEPTH} levels`
    if (hasPrototypeKey(value)) return 'must not contain __proto__ or constructor.prototype keys'
    let text: string | undefined
    try {
      text = JSON.stringify(value)
    } catch {
      return 'must be serializable as JSON'
    }
    if (text === undefined) return 'must be a JSON value'
    const maxBytes = intSetting(field, 'maxBytes', JSON_DEFAULT_BYTES)
    if (Buffer.byteLength(text, 'utf8') > maxBytes) return `must be at most ${maxBytes} bytes as JSON`
    return undefined
  },
  toDb: value => value === null || value === undefined ? null : JSON.stringify(value),
  fromDb (value) {
    if (typeof value !== 'string') return value ?? null
    // SQLite and MariaDB hand back the JSON text. MySQL 8 (mysql2 without `jsonStrings`) hands
    // back the parsed value, so a string that is not JSON text is already the value.
    try {
      return JSON.parse(value) as unknown
    } catch {
      return value
    }
  },
  operators: NULL_OPERATORS,
  sortable: false
}
