// Query strings are parsed with qs (fastify alone reads filter[a][b]=1 as one flat key), with
// explicit limits; exceeding them, or naming a prototype key, is a 400 instead of silent dropping.
// Parses are memoised by query string (sites repeat the same few): each request gets a copy.
import qs from 'qs'
import { ShapeMemo } from '../content/query/shape-memo.js'

export const QUERY_ERROR = Symbol('query error')

export type ParsedQuery = Record<string, unknown> & { [QUERY_ERROR]?: string }

const PROTOTYPE_KEY = /(^|\[|\.)(__proto__|constructor|prototype)(\]|\[|\.|$)/

/** The decoded parameter names; throws on bad percent-encoding anywhere (values included). */
function parameterNames (input: string): string[] {
  return input.split('&').map(pair => {
    const [name = '', ...value] = pair.split('=')
    decodeURIComponent(value.join('=').replaceAll('+', ' '))
    return decodeURIComponent(name.replaceAll('+', ' '))
  })
}

function parse (input: string): ParsedQuery {
  let names: string[]
  try {
    names = parameterNames(input)
  } catch {
    return { [QUERY_ERROR]: 'The query string is not valid percent-encoding' }
  }
  // Only names are checked: "constructor" is a fine filter value.
  if (names.some(name => PROTOTYPE_KEY.test(name))) return { [QUERY_ERROR]: 'Query parameter names may not be prototype keys' }
  try {
    return qs.parse(input, {
      depth: 8,
      strictDepth: true,
      parameterLimit: 1000,
      // Above the content API's IN cap (500 by default), so that cap answers and names the filter.
      arrayLimit: 1000,
      throwOnLimitExceeded: true,
      allowPrototypes: false,
      plainObjects: true
    }) as ParsedQuery
  } catch (error) {
    return { [QUERY_ERROR]: `The query string is too complex: ${(error as Error).message}` }
  }
}

/** The longest query string remembered: longer ones are one-offs. */
const MEMO_MAX_LENGTH = 2048
const memo = new ShapeMemo<ParsedQuery>(1000)

/** A deep copy of what qs returns: prototype-less objects (plainObjects), arrays, strings. */
function copy (value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copy)
  const result = Object.create(null) as Record<string, unknown>
  for (const key in value) result[key] = copy((value as Record<string, unknown>)[key])
  return result
}

export function parseQueryString (input: string): ParsedQuery {
  if (input.length > MEMO_MAX_LENGTH) return parse(input)
  const parsed = memo.through(input, () => parse(input))
  // Routes may change what they were given: never hand out the remembered object itself.
  const problem = parsed[QUERY_ERROR]
  return problem === undefined ? copy(parsed) as ParsedQuery : { [QUERY_ERROR]: problem }
}
