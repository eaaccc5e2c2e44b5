// /docs: the OpenAPI document rendered as one self-contained HTML page on the server (no script,
// no CDN): operations grouped by tag with their parameters, then one table per schema.
import { createHash } from 'node:crypto'

type Doc = Record<string, unknown>
type Obj = Record<string, unknown>

const STYLE = 'body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}' +
  'h2{border-bottom:1px solid #ccc;margin-top:2.5rem}code,.path{font-family:ui-monospace,monospace}' +
  '.op{margin:.3rem 0}.m{display:inline-block;width:4.5rem;font-weight:700;text-transform:uppercase}' +
  '.get{color:#0a6}.post{color:#06c}.patch,.put{color:#a60}.delete{color:#c22}' +
  'table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ddd;padding:.2rem .6rem;text-align:left;vertical-align:top}' +
  'details{margin-left:5rem;color:#555}'

/** The Content-Security-Policy of the page: nothing but this exact inline stylesheet. */
export const DOCS_CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'style-src': [`'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`],
  'img-src': ["'self'", 'data:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"]
}

const escape = (value: unknown): string => String(value).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

function typeOf (schema: Obj | undefined): string {
  if (!schema) return ''
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? ''
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Obj[]).map(typeOf).join(' | ')
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as Obj[]).map(typeOf).join(' | ')
  if (schema.type === 'array') return `${typeOf(schema.items as Obj | undefined)}[]`
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (Array.isArray(schema.enum)) return schema.enum.map(v => JSON.stringify(v)).join(' | ')
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any')
  return schema.format ? `${type} (${String(schema.format)})` : type
}

function operations (paths: Record<string, Record<string, Obj>>): string {
  const byTag = new Map<string, string[]>()
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags as string[] | undefined)?.[0] ?? 'Other'
      const params = ((op.parameters ?? []) as Obj[]).map(p => `<li><code>${escape(p.name)}</code> (${escape(p.in)}) ${escape(p.description ?? '')}</li>`).join('')
      const line = `<div class="op"><span class="m ${escape(method)}">${escape(method)}</span> <span class="path">${escape(path)}</span> — ${escape(op.summary ?? '')}` +
        (params ? `<details><summary>parameters</summary><ul>${params}</ul></details>` : '') + '</div>'
      byTag.set(tag, [...byTag.get(tag) ?? [], line])
    }
  }
  return [...byTag].sort(([a], [b]) => a.localeCompare(b)).map(([tag, lines]) => `<h3>${escape(tag)}</h3>${lines.join('')}`).join('')
}

function schemaTable (name: string, schema: Obj): string {
  const props = (schema.properties ?? {}) as Record<string, Obj>
  const rows: string[] = []
  for (const group of ['attributes', 'relationships']) {
    for (const [field, s] of Object.entries(((props[group]?.properties) ?? {}) as Record<string, Obj>)) {
      const shown = group === 'relationships' ? ((s.properties as Obj | undefined)?.data as Obj | undefined) : s
      rows.push(`<tr><td>${group}</td><td><code>${escape(field)}</code></td><td>${escape(typeOf(shown))}</td></tr>`)
    }
  }
  if (rows.length === 0) for (const [field, s] of Object.entries(props)) rows.push(`<tr><td></td><td><code>${escape(field)}</code></td><td>${escape(typeOf(s))}</td></tr>`)
  return `<h3 id="schema-${escape(name)}">${escape(name)}</h3><p>${escape(schema.description ?? '')}</p>` +
    `<table><tr><th>member</th><th>name</th><th>type</th></tr>${rows.join('')}</table>`
}

export function renderDocsPage (doc: Doc): string {
  const info = doc.info as Obj
  const schemas = ((doc.components as Obj).schemas ?? {}) as Record<string, Obj>
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    `<title>${escape(info.title)} ${escape(info.version)}</title><style>${STYLE}</style></head><body>` +
    `<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1><p>${escape(info.description ?? '')}</p>` +
    '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>' +
    `<h2>Operations</h2>${operations(doc.paths as Record<string, Record<string, Obj>>)}` +
    `<h2>Schemas</h2>${Object.entries(schemas).map(([name, s]) => schemaTable(name, s)).join('')}</body></html>`
}
