// Validates documents against the official JSON:API 1.1 response schema (copied into
// test/fixtures/jsonapi with its source note).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'jsonapi')
const ajv = new Ajv2020({ strictRequired: false, allErrors: true, strict: false })
addFormats.default(ajv)
const validateResponse = ajv.compile(JSON.parse(readFileSync(join(dir, 'schema-1.1.json'), 'utf8')) as object)

/** Returns a readable list of violations, or an empty string when the document is valid. */
export function jsonApiViolations (document: unknown): string {
  if (validateResponse(document)) return ''
  return ajv.errorsText(validateResponse.errors, { separator: '\n' })
}
