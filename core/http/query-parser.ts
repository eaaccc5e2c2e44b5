// Query strings are parsed with qs (fastify alone reads filter[a][b]=1 as one flat key), with
// explicit limits; exceeding them, or naming a prototype key, is a 400 instead of silent dropping.
import qs from 'qs'

export const QUERY_ERROR = Symbol('query error')

export type ParsedQuery = Record<string, unknown> & { [QUERY_ERROR]?: string }

const PROTOTYPE_KEY = /(^|\[|&)(__proto__|constructor|prototype)(\]|=|&|\[|$)/

export function parseQueryString (input: string): ParsedQuery {
  let decoded: string
  try {
    decoded = decodeURIComponent(input.replaceAll('+', ' '))
  } catch {
    return { [QUERY_ERROR]: 'The query string is not valid percent-encoding' }
  }
  if (PROTOTYPE_KEY.test(decoded)) return { [QUERY_ERROR]: 'Query parameter names may not be prototype keys' }
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
