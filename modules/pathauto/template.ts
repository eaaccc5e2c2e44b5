// URL alias patterns are handlebars templates from code or configuration only: strings, bounded
// in size and nesting, compiled in an isolated environment with a fixed set of helpers, and
// rendered without prototype access. Any failure is reported, never thrown past the caller.
import Handlebars from 'handlebars'
import { slugify } from './slugify.js'

const MAX_SOURCE = 500
const MAX_DEPTH = 4

const hbs = Handlebars.create()
const datePart = (pick: (d: Date) => number, width: number) => (value: unknown) => {
  const date = new Date(typeof value === 'string' || typeof value === 'number' ? value : NaN)
  return Number.isNaN(date.getTime()) ? '' : String(pick(date)).padStart(width, '0')
}
const helpers = {
  slugify: (value: unknown) => slugify(typeof value === 'string' ? value : String(value ?? '')),
  year: datePart(d => d.getUTCFullYear(), 4),
  month: datePart(d => d.getUTCMonth() + 1, 2),
  day: datePart(d => d.getUTCDate(), 2)
}
for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn)
const knownHelpers = Object.fromEntries(Object.keys(helpers).map(name => [name, true]))

export type CompiledPattern = (context: Record<string, unknown>) => string

const cache = new Map<string, CompiledPattern>()

function nestingDepth (source: string): number {
  let depth = 0
  let max = 0
  for (const match of source.matchAll(/\{\{~?\s*([#^/])/g)) {
    depth += match[1] === '/' ? -1 : 1
    max = Math.max(max, depth)
  }
  return max
}

/** Throws an Error with a readable message when the pattern is not acceptable. */
export function compilePattern (source: unknown): CompiledPattern {
  if (typeof source !== 'string') throw new Error('the pattern must be a string')
  const cached = cache.get(source)
  if (cached) return cached
  if (source.length > MAX_SOURCE) throw new Error(`the pattern is longer than ${MAX_SOURCE} characters`)
  if (nestingDepth(source) > MAX_DEPTH) throw new Error(`the pattern nests blocks deeper than ${MAX_DEPTH}`)
  if (/\{\{\s*>/.test(source)) throw new Error('partials are not allowed in patterns')
  const template = hbs.compile(source, { knownHelpers, knownHelpersOnly: true, noEscape: true, strict: false })
  const compiled: CompiledPattern = context => template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false })
  compiled({}) // surfaces parse errors now (handlebars parses lazily)
  cache.set(source, compiled)
  return compiled
}
