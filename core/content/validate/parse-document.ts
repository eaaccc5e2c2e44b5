// Reads a JSON:API request document for create or update: checks its shape, the type and id
// against the URL, and splits it into attributes, relationships and the revision log message.
import { CmsError, validationError } from '../../errors/cms-error.js'
import { findBadStrings } from './string-sanity.js'

export interface ParsedDocument {
  attributes: Record<string, unknown>
  relationships: Record<string, unknown>
  revisionLog: string | null
}

const TOP_LEVEL = new Set(['data', 'meta', 'jsonapi'])
const RESOURCE = new Set(['type', 'id', 'lid', 'attributes', 'relationships', 'meta', 'links'])

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function parseDocument (body: unknown, typeId: string, id?: string): ParsedDocument {
  if (!isObject(body)) throw validationError([{ pointer: '', detail: 'the request body must be a JSON:API document object' }])
  const unknownTop = Object.keys(body).filter(k => !TOP_LEVEL.has(k))
  if (unknownTop.length > 0) throw validationError(unknownTop.map(k => ({ pointer: `/${k}`, detail: `unknown top-level member "${k}"` })))
  const data = body.data
  if (!isObject(data)) throw validationError([{ pointer: '/data', detail: 'data must be a resource object' }])
  const unknown = Object.keys(data).filter(k => !RESOURCE.has(k))
  if (unknown.length > 0) throw validationError(unknown.map(k => ({ pointer: `/data/${k}`, detail: `unknown member "${k}"` })))
  if (typeof data.type !== 'string') throw validationError([{ pointer: '/data/type', detail: 'type is required' }])
  if (data.type !== typeId) throw new CmsError('CONFLICT', `The resource type "${data.type}" does not match the collection "${typeId}"`, { source: { pointer: '/data/type' } })
  if (id === undefined && data.id !== undefined) throw new CmsError('FORBIDDEN', 'Client-generated ids are not supported', { source: { pointer: '/data/id' } })
  if (id !== undefined && data.id !== id) throw new CmsError('CONFLICT', 'data.id must match the id in the URL', { source: { pointer: '/data/id' } })
  for (const member of ['attributes', 'relationships', 'meta'] as const) {
    if (data[member] !== undefined && !isObject(data[member])) throw validationError([{ pointer: `/data/${member}`, detail: `${member} must be an object` }])
  }
  const meta = (data.meta ?? {}) as Record<string, unknown>
  const log = meta.revision_log
  if (log !== undefined && log !== null && (typeof log !== 'string' || log.length > 1000)) {
    throw validationError([{ pointer: '/data/meta/revision_log', detail: 'revision_log must be a string of at most 1000 characters' }])
  }
  // Stored like an attribute, so held to the same rule (a lone surrogate came back as U+FFFD).
  const badLog = findBadStrings(log, '/data/meta/revision_log')
  if (badLog.length > 0) throw validationError(badLog)
  return {
    attributes: (data.attributes ?? {}) as Record<string, unknown>,
    relationships: (data.relationships ?? {}) as Record<string, unknown>,
    revisionLog: typeof log === 'string' ? log : null
  }
}
