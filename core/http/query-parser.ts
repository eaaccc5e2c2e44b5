// Query strings are parsed with qs (fastify alone reads filter[a][b]=1 as one flat key), with
// explicit limits; exceeding them, or naming a prototype key, is a 400 instead of silent dropping.
import qs from 'qs'

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

export function parseQueryString (input: string): ParsedQuery {
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
