// Request body validation with our own ajv: no coercion, no silent removal of unknown keys, every
// violation reported (422, one error object per violation with a JSON pointer).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { validationError } from '../errors/cms-error.js'

export const bodyAjv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false, strict: false })
addFormats.default(bodyAjv)

export function pointerOf (error: ErrorObject, base = ''): string {
  const extra = error.keyword === 'additionalProperties'
    ? '/' + String((error.params as { additionalProperty: string }).additionalProperty)
    : error.keyword === 'required' ? '/' + String((error.params as { missingProperty: string }).missingProperty) : ''
  return `${base}${error.instancePath}${extra}` || '/'
}

export function describe (error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown member "${String((error.params as { additionalProperty: string }).additionalProperty)}"`
  if (error.keyword === 'required') return `"${String((error.params as { missingProperty: string }).missingProperty)}" is required`
  return error.message ?? 'is invalid'
}

/**
 * Compiles a schema once, on first use (the routes' validators would otherwise cost every start
 * their compile time); the returned function throws a 422 CmsError or returns the typed body.
 */
export function bodyValidator<T> (schema: Record<string, unknown>, base = ''): (body: unknown) => T {
  let validate: ValidateFunction | undefined
  return (body: unknown): T => {
    validate ??= bodyAjv.compile(schema)
    if (!validate(body)) {
      throw validationError((validate.errors ?? []).map(e => ({ pointer: pointerOf(e, base), detail: describe(e) })))
    }
    return body as T
  }
}
