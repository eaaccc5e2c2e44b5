// Query parameters shared by the content API routes: unknown ones are 400, sparse fieldsets and
// include paths are parsed (and checked against the caller's field permissions) before any SQL.
import type { Actor } from '../../access/actor.js'
import type { Kernel } from '../../kernel/kernel.js'
import { parseInclude, type IncludeNode } from '../../content/includes/parse-include.js'
import { USER_ATTRIBUTES, USER_TYPE } from '../../content/includes/users.js'
import { assertKnownParams, parseFields } from '../../content/query/parse-fields.js'
import type { SerializeContext } from '../../content/serialize/serialize-resource.js'

export type Query = Record<string, unknown>

export const LIST_PARAMS = ['filter', 'sort', 'page', 'fields', 'include'] as const
export const ITEM_PARAMS = ['fields', 'include', 'resourceVersion'] as const
export const RELATED_PARAMS = ['fields', 'include'] as const

export interface ReadParams {
  fields: SerializeContext['fields']
  include: IncludeNode | undefined
}

/** Checks the parameter names, then reads fields[…] and include for resources of rootTypes. */
export function readParams (kernel: Kernel, actor: Actor, query: Query, allowed: readonly string[], rootTypes: readonly string[]): ReadParams {
  assertKnownParams(query, allowed)
  const fields = parseFields(query.fields, kernel.contentTypes, { [USER_TYPE]: USER_ATTRIBUTES })
  const include = allowed.includes('include') ? parseInclude(query.include, kernel, actor, rootTypes) : undefined
  return { fields, include }
}
