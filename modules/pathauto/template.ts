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
// The built-in `log` helper writes to the console: a pattern may not use it.
hbs.unregisterHelper('log')
const knownHelpers = { ...Object.fromEntries(Object.keys(helpers).map(name => [name, true])), log: false }

export type CompiledPattern = (context: Record<string, unknown>) => string

const cache = new Map<string, CompiledPattern>()

interface Node { type: string, body?: Node[], program?: Node & { body: Node[] }, inverse?: Node & { body: Node[], chained?: boolean } }

/** Walks the parsed pattern: no partials or decorators (in any spelling), blocks nested at most MAX_DEPTH. */
function inspect (nodes: readonly Node[] | undefined, depth: number): void {
  for (const node of nodes ?? []) {
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') throw new Error('partials are not allowed in patterns')
    if (node.type === 'Decorator' || node.type === 'DecoratorBlock') throw new Error('decorators are not allowed in patterns')
    if (node.type !== 'BlockStatement') continue
    if (depth > MAX_DEPTH) throw new Error(`the pattern nests blocks deeper than ${MAX_DEPTH}`)
    inspect(node.program?.body, depth + 1)
    // {{else if …}} chains sit in the inverse without adding a level.
    inspect(node.inverse?.body, node.inverse?.chained === true ? depth : depth + 1)
  }
}

/** Throws an Error with a readable message when the pattern is not acceptable. */
export function compilePattern (source: unknown): CompiledPattern {
  if (typeof source !== 'string') throw new Error('the pattern must be a string')
  const cached = cache.get(source)
  if (cached) return cached
  if (source.length > MAX_SOURCE) throw new Error(`the pattern is longer than ${MAX_SOURCE} characters`)
  // The size cap above also bounds the parser's recursion (2,000 nested blocks overflow it).
  inspect(hbs.parse(source).body as unknown as Node[], 1)
  const template = hbs.compile(source, { knownHelpers, knownHelpersOnly: true, noEscape: true, strict: false })
  const compiled: CompiledPattern = context => template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false })
  compiled({}) // surfaces parse errors now (handlebars parses lazily)
  cache.set(source, compiled)
  return compiled
}
