// Strings with a fixed shape: `email`, `url` (absolute http/https) and `slug`.
import type { FieldTypeDefinition } from '../field-type-types.js'
import { ALL_OPERATORS, NO_SETTINGS, intSetting, settingsSchema } from './shared.js'
import { stringFromDb } from './string.js'

export const EMAIL_MAX_LENGTH = 254
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
/** local@domain.tld, ASCII only: dot-atoms without empty parts, at least one dot in the domain. */
export const EMAIL_PATTERN = `^${ATEXT}(?:\\.${ATEXT})*@${LABEL}(?:\\.${LABEL})+$`

export const URL_DEFAULT_LENGTH = 2048
/** Scheme (either case) and a host that does not start with a slash; `check` parses the rest. */
export const URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s\\\\]'

export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
export const SLUG_DEFAULT_LENGTH = 128

export const emailType: FieldTypeDefinition = {
  name: 'email',
  settings: NO_SETTINGS,
  column: () => ({ kind: 'string', length: EMAIL_MAX_LENGTH }),
  schema: () => ({ type: 'string', maxLength: EMAIL_MAX_LENGTH, pattern: EMAIL_PATTERN }),
  check (value) {
    if (typeof value !== 'string') return 'must be a string'
    const at = value.lastIndexOf('@')
    if (at > 64) return 'the part before @ must be at most 64 characters'
    return undefined
  },
  toDb: value => value,
  fromDb: stringFromDb,
  operators: ALL_OPERATORS,
  sortable: true
}

export const urlType: FieldTypeDefinition = {
  name: 'url',
  settings: settingsSchema({
    maxLength: { type: 'integer', minimum: 1, maximum: URL_DEFAULT_LENGTH, default: URL_DEFAULT_LENGTH }
  }),
  column: field => ({ kind: 'string', length: intSetting(field, 'maxLength', URL_DEFAULT_LENGTH) }),
  schema: field => ({
    type: 'string',
    maxLength: intSetting(field, 'maxLength', URL_DEFAULT_LENGTH),
    pattern: URL_PATTERN
  }),
  check (value) {
    if (typeof value !== 'string') return 'must be a string'
    // The URL parser forgives what a stored link should not carry: spaces, controls, backslashes.
    // eslint-disable-next-line no-control-regex
    if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return 'must not contain spaces, control characters or backslashes'
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return 'must be an absolute URL'
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL'
    if (url.hostname === '') return 'must have a host'
    return undefined
  },
  toDb: value => value,
  fromDb: stringFromDb,
  operators: ALL_OPERATORS,
  sortable: true
}

export const slugType: FieldTypeDefinition = {
  name: 'slug',
  settings: settingsSchema({
    maxLength: { type: 'integer', minimum: 1, maximum: 255, default: SLUG_DEFAULT_LENGTH }
  }),
  column: field => ({ kind: 'string', length: intSetting(field, 'maxLength', SLUG_DEFAULT_LENGTH) }),
  schema: field => ({
    type: 'string',
    maxLength: intSetting(field, 'maxLength', SLUG_DEFAULT_LENGTH),
    pattern: SLUG_PATTERN
  }),
  toDb: value => value,
  fromDb: stringFromDb,
  operators: ALL_OPERATORS,
  sortable: true
}
