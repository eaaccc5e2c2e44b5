// Query-string filter values are strings: convert each to the field's storage value, or 400.
import { CmsError } from '../../errors/cms-error.js'
import type { Dialect } from '../../db/connect.js'
import type { Target } from './resolve-path.js'

function invalid (parameter: string, detail: string): CmsError {
  return new CmsError('INVALID_QUERY', detail, { source: { parameter } })
}

export function filterValueToDb (target: Target, raw: unknown, parameter: string, dialect: Dialect): unknown {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    throw invalid(parameter, 'A filter value must be a single value')
  }
  const text = String(raw)
  if (text.length > 2048) throw invalid(parameter, 'The filter value is too long')
  const { fieldType, definition } = target
  const kind = fieldType.column(definition).kind
  switch (kind) {
    case 'integer':
    case 'bigint':
      if (!/^-?\d{1,10}$/.test(text) || Math.abs(Number(text)) > 2147483648) throw invalid(parameter, `"${text}" is not an integer`)
      return Number(text)
    case 'float':
      if (text.trim() === '' || !Number.isFinite(Number(text))) throw invalid(parameter, `"${text}" is not a number`)
      return Number(text)
    case 'boolean':
      if (!['1', '0', 'true', 'false'].includes(text)) throw invalid(parameter, `"${text}" is not a boolean (use 1/0 or true/false)`)
      return text === '1' || text === 'true' ? 1 : 0
    case 'decimal':
    case 'datetime':
    case 'date': {
      const problem = fieldType.check?.(text, definition)
      if (problem || (kind === 'decimal' && !/^-?\d+(\.\d+)?$/.test(text))) throw invalid(parameter, `"${text}" ${problem ?? 'is not a decimal'}`)
      const normal = fieldType.normalize ? fieldType.normalize(text, definition) : text
      return fieldType.toDb(normal, definition, dialect)
    }
    case 'string':
    case 'text':
    case 'longtext':
    case 'json':
    case 'uuid':
      return text
  }
}
