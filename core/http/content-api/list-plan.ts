// The parsed and compiled form of a content API list request, memoised per caller access and
// URL: parameters, the read selection and the SQL are worked out once per request shape, so a
// repeated list costs its statements and serialization only.
import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../access/actor.js'
import { accessKey } from '../../cache/access-key.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledType } from '../../content/compiled-type.js'
import { includeJoins } from '../../content/includes/joined-includes.js'
import { planFind, type FindPlan, type FindResult } from '../../content/operations/find.js'
import { fieldSelection } from '../../content/query/field-selection.js'
import { parseListParams, type ParsedList } from '../../content/query/parse-list-params.js'
import { typesMemo } from '../../content/query/shape-memo.js'
import { traversedTypes } from '../../content/query/traversed-types.js'
import { pageLinks } from '../content-admin/page-links.js'
import { requestOrigin } from '../jsonapi/negotiation.js'
import { LIST_PARAMS, readParams, type Query, type ReadParams } from './read-params.js'

export interface ListPlan {
  params: ReadParams
  parsed: ParsedList
  find: FindPlan
  /** Types the list is filtered or sorted through (its cache tags). */
  traversed: readonly string[]
  /** Offset-paged links without the origin, by whether more items follow. */
  links: Map<boolean, Record<string, string>>
}

/** Longer URLs are planned every time rather than filling the memo with one-offs. */
const MAX_KEY_URL = 2048

function plan (kernel: Kernel, actor: Actor, type: CompiledType, query: Query): ListPlan {
  const params = readParams(kernel, actor, query, LIST_PARAMS, [type.id])
  const parsed = parseListParams(query, type)
  const { fields, include } = params
  const selection = fieldSelection(type, fields, include)
  // One-level to-one includes are joined into the page statement (no statement of their own).
  const joins = include ? includeJoins(kernel, type, include, target => fieldSelection(target, fields, include)) : undefined
  const find = planFind(kernel, actor, type, parsed.query, selection, joins)
  return { params, parsed, find, traversed: [...traversedTypes(kernel, type, parsed.query)], links: new Map() }
}

/**
 * The page links of a list answer. Offset links depend only on the URL and on whether more
 * items follow, so they are built once per plan and only the origin is put in front.
 */
export function listLinks (request: FastifyRequest, plan: ListPlan, result: FindResult): Record<string, string> {
  const { query } = plan.parsed
  if (query.page.kind === 'cursor') return pageLinks(request, query, result)
  const origin = requestOrigin(request)
  let paths = plan.links.get(result.hasMore)
  if (!paths) {
    paths = Object.fromEntries(Object.entries(pageLinks(request, query, result)).map(([name, url]) => [name, url.slice(origin.length)]))
    plan.links.set(result.hasMore, paths)
  }
  const links: Record<string, string> = {}
  for (const name in paths) links[name] = origin + (paths[name] as string)
  return links
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
