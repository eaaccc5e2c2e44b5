// Bad URL alias patterns (invalid, too deep, too long, partials, unknown helpers) make a save 422 with nothing written; prototype lookups render nothing.
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, countRows, errors, TYPES, type Site } from '../../api/workflow/helpers.js'
import { aliasesOf, currentAliasOf } from './helpers.js'

const LEAK = /\bat .+:\d+:\d+|\.ts\b|\/work\/|node_modules|\bINSERT\b|SQLITE_|ER_[A-Z_]+/

async function typeWithPattern (site: Site, id: string, pathPattern: string): Promise<void> {
  const response = await site.json(site.adminToken, 'POST', TYPES, {
    id, label: id, revisions: true, pathPattern, fields: [{ name: 'title', type: 'string', required: true }]
  })
  if (response.statusCode !== 201) throw new Error(`type ${id}: ${response.statusCode} ${response.body}`)
}

async function rowsOf (site: Site, id: string): Promise<number[]> {
  const type = site.kernel.contentTypes.require(id)
  return [await countRows(site, type.table), await countRows(site, type.revisionTable), await countRows(site, 'pathauto_aliases', { type: id })]
}

eachDatabase(t, 'a save under a bad pattern is 422 and writes nothing', async (t, db) => {
  const site = await bootSite(t, db)
  const nested = (depth: number) => '/x/' + '{{#if title}}'.repeat(depth) + '{{slugify title}}' + '{{/if}}'.repeat(depth)
  const cases: Array<[string, string]> = [
    ['an unclosed block', '/x/{{#if title}}{{slugify title}}'],
    ['an unclosed mustache', '/x/{{slugify title'],
    ['a mismatched block', '/x/{{#if title}}a{{/each}}'],
    ['blocks nested five deep', nested(5)],
    ['a pattern of 600 characters', '/x/' + 'a'.repeat(597)],
    ['a partial', '/x/{{> header}}'],
    ['a partial with whitespace control', '/x/{{~> header}}'],
    ['a partial block', '/x/{{#> header}}{{slugify title}}{{/header}}'],
    ['an inline partial', '/x/{{#*inline "p"}}y{{/inline}}{{> p}}'],
    ['an unknown helper', '/x/{{shout title}}'],
    ['an unknown block helper', '/x/{{#shout title}}{{title}}{{/shout}}'],
    ['a decorator', '/x/{{* decorate}}{{slugify title}}'],
    ['the log helper (writes to the console)', '/x/{{log title}}{{slugify title}}']
  ]
  for (const [index, [label, pattern]] of cases.entries()) {
    const id = `bad${index}`
    await typeWithPattern(site, id, pattern)
    const response = await site.api(site.adminToken, 'POST', `/admin/api/content/${id}`, { data: { type: id, attributes: { title: 'Some title' } } })
    t.equal(response.statusCode, 422, `${label}: the save → 422 (got ${response.statusCode})`)
    t.ok(errors(response).length > 0 && errors(response).every(e => e.status === '422'), `${label}: error objects with status 422`)
    t.notMatch(response.body, LEAK, `${label}: no internals in the answer`)
    t.same(await rowsOf(site, id), [0, 0, 0], `${label}: no item, revision or alias written`)
  }
  await typeWithPattern(site, 'deep4', nested(4))
  const ok = await site.create('deep4', { title: 'Four is fine' })
  t.equal(await currentAliasOf(site, ok.id), '/x/four-is-fine', 'four levels of nesting are accepted')
})

eachDatabase(t, 'a pattern reaching for prototypes renders nothing harmful', async (t, db) => {
  const site = await bootSite(t, db)
  const cases: Array<[string, string]> = [
    ['constructor.name', '/p/{{constructor.name}}/{{slugify title}}'],
    ['__proto__', '/p/{{__proto__}}/{{slugify title}}'],
    ['a field\'s constructor', '/p/{{title.constructor.name}}/{{slugify title}}'],
    ['lookup of constructor', '/p/{{lookup this "constructor"}}/{{slugify title}}'],
    ['with constructor', '/p/{{#with constructor}}{{name}}{{/with}}/{{slugify title}}'],
    ['__proto__ of __proto__', '/p/{{__proto__.__proto__}}/{{slugify title}}'],
    ['toString', '/p/{{toString}}/{{slugify title}}'],
    ['hasOwnProperty', '/p/{{hasOwnProperty}}/{{slugify title}}']
  ]
  for (const [index, [label, pattern]] of cases.entries()) {
    const id = `proto${index}`
    await typeWithPattern(site, id, pattern.replace('/p/', `/p${index}/`))
    const response = await site.api(site.adminToken, 'POST', `/admin/api/content/${id}`, { data: { type: id, attributes: { title: 'Safe title' } } })
    t.ok(response.statusCode === 201 || response.statusCode === 422, `${label}: 201 or 422, never 500 (got ${response.statusCode})`)
    if (response.statusCode !== 201) continue
    const itemId = response.json<{ data: { id: string } }>().data.id
    const paths = (await aliasesOf(site, itemId)).map(a => a.path)
    t.same(paths, [`/p${index}/safe-title`], `${label}: renders nothing but the title (got ${paths.join(', ')})`)
  }
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was not touched')
})
