// Small helpers shared by the admin structure routes: query parameters (unknown ones are 400,
// like the content API), paging and the `{ data }` envelope.
import type { FastifyRequest } from 'fastify'
import { CmsError } from '../../errors/cms-error.js'

/** The query's plain string values; 400 for unknown names or non-scalar values. */
export function readQuery (request: FastifyRequest, allowed: readonly string[]): Record<string, string> {
  const query = (request.query ?? {}) as Record<string, unknown>
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) throw new CmsError('INVALID_QUERY', `Unknown query parameter "${name}"`, { source: { parameter: name } })
    if (typeof value !== 'string') throw new CmsError('INVALID_QUERY', `The query parameter "${name}" must be a single value`, { source: { parameter: name } })
    values[name] = value
  }
  return values
}

function integerParam (value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new CmsError('INVALID_QUERY', `The query parameter "${name}" must be an integer from ${min} to ${max}`, { source: { parameter: name } })
  }
  return Number(value)
}

export interface Page { limit: number, offset: number }

export function readPage (request: FastifyRequest, defaultLimit = 50, maxLimit = 200): Page {
  const query = readQuery(request, ['limit', 'offset'])
  return {
    limit: integerParam(query.limit, 'limit', defaultLimit, 1, maxLimit),
    offset: integerParam(query.offset, 'offset', 0, 0, 1_000_000_000)
  }
}

export function idParam (request: FastifyRequest): string {
  return (request.params as { id: string }).id
}
