// The `richtext` type: HTML text sanitised on save (no scripts, event handlers or unsafe URLs).
import { createRequire } from 'node:module'
import type sanitizeHtml from 'sanitize-html'
import type { FieldTypeDefinition } from '../field-type-types.js'
import { TEXT_OPERATORS, intSetting, settingsSchema } from './shared.js'
import { TEXT_DEFAULT_LENGTH, TEXT_MAX_LENGTH, stringFromDb } from './string.js'

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'b', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'figure', 'figcaption',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'
  ],
  allowedAttributes: {
    '*': ['title'],
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt']
  },
  // Only these schemes survive in href/src; relative URLs stay. sanitize-html decodes entities
  // and strips control characters before it reads the scheme (`jav&#x09;ascript:` is caught).
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  // script, style, textarea… lose their content too, not only their tags.
  disallowedTagsMode: 'discard',
  allowVulnerableTags: false
}

// Loaded on the first save that sanitises: sanitize-html (with htmlparser2 and postcss) would
// otherwise cost every start ~60 ms, and reads never need it.
const require = createRequire(import.meta.url)
let sanitize: typeof sanitizeHtml | undefined

export function sanitizeRichtext (html: string): string {
  sanitize ??= require('sanitize-html') as typeof sanitizeHtml
  return sanitize(html, SANITIZE_OPTIONS)
}

export const richtextType: FieldTypeDefinition = {
  name: 'richtext',
  settings: settingsSchema({
    maxLength: { type: 'integer', minimum: 1, maximum: TEXT_MAX_LENGTH, default: TEXT_DEFAULT_LENGTH }
  }),
  column: () => ({ kind: 'text' }),
  schema: field => ({ type: 'string', maxLength: intSetting(field, 'maxLength', TEXT_DEFAULT_LENGTH) }),
  normalize: value => typeof value === 'string' ? sanitizeRichtext(value) : value,
  toDb: value => value,
  fromDb: stringFromDb,
  operators: TEXT_OPERATORS,
  sortable: false
}
