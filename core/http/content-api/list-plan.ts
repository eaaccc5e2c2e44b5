// The parsed and compiled form of a content API list request, memoised per caller access and
// URL: parameters, the read selection and the SQL are worked out once per request shape, so a
// repeated list costs its statements and serialization only.
import type { Actor } from '../../access/actor.js'
import { accessKey } from '../../cache/access-key.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../../content/compiled-type.js'
import { planFind, type FindPlan } from '../../content/operations/find.js'
import { fieldSelection } from '../../content/query/field-selection.js'
import { parseListParams, type ParsedList } from '../../content/query/parse-list-params.js'
import { typesMemo } from '../../content/query/shape-memo.js'
import { traversedTypes } from '../../content/query/traversed-types.js'
import { LIST_PARAMS, readParams, type Query, type ReadParams } from './read-params.js'

export interface ListPlan {
  params: ReadParams
  parsed: ParsedList
  find: FindPlan
  /** Types the list is filtered or sorted through (its cache tags). */
  traversed: readonly string[]
}

/** Longer URLs are planned every time rather than filling the memo with one-offs. */
const MAX_KEY_URL = 2048

function plan (kernel: Kernel, actor: Actor, type: CompiledType, query: Query): ListPlan {
  const params = readParams(kernel, actor, query, LIST_PARAMS, [type.id])
  const parsed = parseListParams(query, type)
  const selection = fieldSelection(type, params.fields, params.include)
  const find = planFind(kernel, actor, type, parsed.query, selection)
  return { params, parsed, find, traversed: [...traversedTypes(kernel, type, parsed.query)] }
}

/**
 * The plan of a list request; throws 400/403 for bad parameters. Callers with the same access
 * key get the same answers from every access decision made here (row filters, field
 * permissions), so they share plans; `url` holds the type and every parameter.
 */
export function listPlan (kernel: Kernel, actor: Actor, type: CompiledType, url: string, query: Query): ListPlan {
  if (url.length > MAX_KEY_URL) return plan(kernel, actor, type, query)
  return typesMemo<ListPlan>(kernel, 'content-api-list').through(`${accessKey(actor, kernel)} ${url}`, () => plan(kernel, actor, type, query))
}
