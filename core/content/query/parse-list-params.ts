// Reads the list parameters shared by the content API and the admin API: filter, sort, page
// (offset or cursor, limit clamped to the type's cap, opt-in total). Bad values are 400.
import { CmsError } from '../../errors/cms-error.js'
import type { CompiledType } from '../compiled-type.js'
import { parseFilter } from './parse-filter.js'
import type { ListQuery, SortKey } from './query-types.js'

function invalid (parameter: string, detail: string): CmsError {
  return new CmsError('INVALID_QUERY', detail, { source: { parameter } })
}

const PATH = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/

export function parseSort (raw: unknown): SortKey[] {
  if (raw === undefined || raw === '') return []
  if (typeof raw === 'string') {
    return raw.split(',').map(part => {
      const desc = part.startsWith('-')
      const path = desc ? part.slice(1) : part
      if (!PATH.test(path)) throw invalid('sort', `Invalid sort field "${part}"`)
      return { path, direction: desc ? 'desc' as const : 'asc' as const, parameter: 'sort' }
    })
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    return Object.entries(raw).map(([key, value]) => {
      const { path, direction = 'ASC', ...rest } = (value ?? {}) as Record<string, unknown>
      if (typeof path !== 'string' || !PATH.test(path) || Object.keys(rest).length > 0 || (direction !== 'ASC' && direction !== 'DESC')) {
        throw invalid(`sort[${key}]`, 'Expected sort[key][path] and optional sort[key][direction] ASC or DESC')
      }
      return { path, direction: direction === 'DESC' ? 'desc' as const : 'asc' as const, parameter: `sort[${key}]` }
    })
  }
  throw invalid('sort', 'sort must be a comma-separated list of fields')
}

function integer (value: unknown, parameter: string, min: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) < min) throw invalid(parameter, `${parameter} must be an integer ≥ ${min}`)
  return Number(value)
}

export interface ParsedList { query: ListQuery, requestedLimit: number | undefined, clamped: boolean }

export function parseListParams (params: Record<string, unknown>, type: CompiledType): ParsedList {
  const page = (params.page ?? {}) as Record<string, unknown>
  if (typeof page !== 'object' || Array.isArray(page)) throw invalid('page', 'page must be page[offset], page[limit], page[cursor] or page[total]')
  const unknown = Object.keys(page).filter(k => !['offset', 'limit', 'cursor', 'total'].includes(k))
  if (unknown.length > 0) throw invalid(`page[${unknown[0] ?? ''}]`, 'Unknown page parameter')
  const requestedLimit = integer(page.limit, 'page[limit]', 1)
  const limit = Math.min(requestedLimit ?? type.pageSize, type.pageSize)
  const offset = integer(page.offset, 'page[offset]', 0)
  if (page.cursor !== undefined && (typeof page.cursor !== 'string' || page.cursor.length > 2048)) throw invalid('page[cursor]', 'Invalid cursor')
  if (page.cursor !== undefined && offset !== undefined) throw invalid('page[cursor]', 'Use page[cursor] or page[offset], not both')
  if (page.total !== undefined && !['true', 'false', '1', '0'].includes(String(page.total))) throw invalid('page[total]', 'page[total] must be true or false')
  const query: ListQuery = {
    sort: parseSort(params.sort),
    page: page.cursor !== undefined ? { kind: 'cursor', cursor: page.cursor === '' ? null : page.cursor as string, limit } : { kind: 'offset', offset: offset ?? 0, limit },
    total: page.total === 'true' || page.total === '1'
  }
  const filter = parseFilter(params.filter)
  if (filter) query.filter = filter
  return { query, requestedLimit, clamped: requestedLimit !== undefined && requestedLimit > limit }
}
