// Sparse fieldsets: fields[type]=a,b → the set of members to keep per type; unknown names are 400.
import { CmsError } from '../../errors/cms-error.js'
import type { ContentTypeStore } from '../type-store.js'

const BASE_MEMBERS = ['created', 'changed', 'status', 'moderation_state', 'uid']

export function parseFields (raw: unknown, types: ContentTypeStore, extraTypes: Record<string, readonly string[]> = {}): Map<string, Set<string>> | undefined {
  if (raw === undefined) return undefined
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CmsError('INVALID_QUERY', 'Use fields[type]=a,b', { source: { parameter: 'fields' } })
  }
  const out = new Map<string, Set<string>>()
  for (const [typeId, list] of Object.entries(raw)) {
    const parameter = `fields[${typeId}]`
    const type = types.get(typeId)
    const known = type ? [...BASE_MEMBERS, ...type.fields.keys()] : extraTypes[typeId]
    if (!known) throw new CmsError('INVALID_QUERY', `Unknown resource type "${typeId}"`, { source: { parameter } })
    if (typeof list !== 'string') throw new CmsError('INVALID_QUERY', `${parameter} must be a comma-separated list`, { source: { parameter } })
    const names = list === '' ? [] : list.split(',')
    const unknown = names.filter(n => !known.includes(n))
    if (unknown.length > 0) throw new CmsError('INVALID_QUERY', `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} on ${typeId}`, { source: { parameter } })
    out.set(typeId, new Set(names))
  }
  return out
}

export function assertKnownParams (query: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter(k => !allowed.includes(k))
  if (unknown.length > 0) {
    throw new CmsError('INVALID_QUERY', `Unknown query parameter "${unknown[0] ?? ''}"`, { source: { parameter: unknown[0] ?? '' } })
  }
}
