// The table of queries for the drupal-jsonapi-params suite: each case builds its query with the
// real client library and names the articles (seed keys) an anonymous caller must get, in order.
import type { DrupalJsonApiParams } from 'drupal-jsonapi-params'
import { day } from './seed.js'

export interface Case {
  name: string
  params: (p: DrupalJsonApiParams, ids: Record<string, string>) => void
  expect: string[]
  /** Client configuration (the library's defaults otherwise). */
  config?: { useShortCutForQueryGeneration: boolean, alwaysUseFieldNameForKeys: boolean }
}

const byTitle = (p: DrupalJsonApiParams) => p.addSort('title')

export const FILTER_CASES: Case[] = [
  { name: 'short form =', params: p => { byTitle(p.addFilter('title', 'Alpha engines')) }, expect: ['a1'] },
  { name: '<>', params: p => { byTitle(p.addFilter('title', 'Theta', '<>')) }, expect: ['a1', 'a2', 'a5', 'a7', 'a3', 'a6'] },
  { name: '>', params: p => { byTitle(p.addFilter('published', day(3), '>')) }, expect: ['a5', 'a7', 'a8'] },
  { name: '>=', params: p => { byTitle(p.addFilter('published', day(3), '>=')) }, expect: ['a5', 'a7', 'a3', 'a8'] },
  { name: '<', params: p => { byTitle(p.addFilter('published', day(3), '<')) }, expect: ['a1', 'a2'] },
  { name: '<=', params: p => { byTitle(p.addFilter('published', day(3), '<=')) }, expect: ['a1', 'a2', 'a3'] },
  { name: 'STARTS_WITH', params: p => { byTitle(p.addFilter('title', 'Gam', 'STARTS_WITH')) }, expect: ['a3'] },
  { name: 'CONTAINS', params: p => { byTitle(p.addFilter('title', 'ta', 'CONTAINS')) }, expect: ['a2', 'a7', 'a8', 'a6'] },
  { name: 'ENDS_WITH', params: p => { byTitle(p.addFilter('title', 'notes', 'ENDS_WITH')) }, expect: ['a6'] },
  { name: 'CONTAINS escapes LIKE wildcards', params: p => { byTitle(p.addFilter('title', '%', 'CONTAINS')) }, expect: [] },
  { name: 'IN', params: p => { byTitle(p.addFilter('title', ['Theta', 'Alpha engines', 'Delta drafts'], 'IN')) }, expect: ['a1', 'a8'] },
  { name: 'NOT IN', params: p => { byTitle(p.addFilter('title', ['Theta', 'Alpha engines'], 'NOT IN')) }, expect: ['a2', 'a5', 'a7', 'a3', 'a6'] },
  { name: 'BETWEEN', params: p => { byTitle(p.addFilter('published', [day(2), day(5)], 'BETWEEN')) }, expect: ['a2', 'a5', 'a3'] },
  { name: 'NOT BETWEEN', params: p => { byTitle(p.addFilter('published', [day(2), day(5)], 'NOT BETWEEN')) }, expect: ['a1', 'a7', 'a8'] },
  { name: 'IS NULL', params: p => { byTitle(p.addFilter('summary', null, 'IS NULL')) }, expect: ['a2', 'a5', 'a7'] },
  { name: 'IS NOT NULL', params: p => { byTitle(p.addFilter('published', null, 'IS NOT NULL')) }, expect: ['a1', 'a2', 'a5', 'a7', 'a3', 'a8'] },
  { name: 'condition form with an explicit key', params: p => { byTitle(p.addFilter('title', 'Theta', '=', undefined, 'mine')) }, expect: ['a8'] },
  { name: 'two filters on one field (generated keys)', params: p => { byTitle(p.addFilter('published', day(2), '>=').addFilter('published', day(7), '<')) }, expect: ['a2', 'a5', 'a3'] },
  { name: 'to-one relationship path', params: p => { byTitle(p.addFilter('author.name', 'Ada Lovelace')) }, expect: ['a1', 'a7'] },
  { name: 'relationship path with operator', params: p => { byTitle(p.addFilter('author.name', 'Al', 'STARTS_WITH')) }, expect: ['a5', 'a3', 'a8'] },
  { name: 'hidden relationship target never matches', params: p => { byTitle(p.addFilter('author.name', 'Grace Hopper')) }, expect: [] },
  { name: 'to-many relationship path', params: p => { byTitle(p.addFilter('tags.name', 'Release notes')) }, expect: ['a7', 'a3', 'a8'] },
  { name: 'to-many path through a hidden tag', params: p => { byTitle(p.addFilter('tags.name', 'Secret')) }, expect: [] },
  { name: 'relationship id', params: (p, ids) => { byTitle(p.addFilter('author.id', ids.alan as string)) }, expect: ['a5', 'a3', 'a8'] },
  { name: 'relationship without .id', params: (p, ids) => { byTitle(p.addFilter('tags', [ids.news as string, ids.howto as string], 'IN')) }, expect: ['a1', 'a2', 'a7', 'a3'] },
  { name: 'relationship IS NULL', params: p => { byTitle(p.addFilter('author', null, 'IS NULL')) }, expect: ['a6'] },
  {
    name: 'OR group',
    params: p => { byTitle(p.addGroup('either', 'OR').addFilter('title', 'Theta', '=', 'either').addFilter('title', 'Alpha engines', '=', 'either')) },
    expect: ['a1', 'a8']
  },
  {
    name: 'AND group nested in an OR group',
    params: p => {
      byTitle(p.addGroup('outer', 'OR').addGroup('inner', 'AND', 'outer')
        .addFilter('tags.name', 'News', '=', 'inner').addFilter('author.name', 'Alan Turing', '=', 'inner')
        .addFilter('title', 'Zeta notes', '=', 'outer'))
    },
    expect: ['a3', 'a6']
  },
  {
    name: 'OR group beside a root condition',
    params: p => { byTitle(p.addGroup('g', 'OR').addFilter('author.name', 'Ada Lovelace', '=', 'g').addFilter('author.name', 'Alan Turing', '=', 'g').addFilter('tags.name', 'Release notes')) },
    expect: ['a7', 'a3', 'a8']
  },
  {
    name: 'no short cuts (condition form for everything)',
    config: { useShortCutForQueryGeneration: false, alwaysUseFieldNameForKeys: true },
    params: p => { byTitle(p.addFilter('title', 'Theta').addFilter('title', 'Alpha engines', '<>')) },
    expect: ['a8']
  }
]

export const SORT_CASES: Case[] = [
  { name: 'sort ascending', params: p => { p.addSort('title') }, expect: ['a1', 'a2', 'a5', 'a7', 'a3', 'a8', 'a6'] },
  { name: 'sort descending', params: p => { p.addSort('published', 'DESC').addFilter('published', null, 'IS NOT NULL') }, expect: ['a8', 'a7', 'a5', 'a3', 'a2', 'a1'] },
  { name: 'multi-key sort through a relationship', params: p => { p.addSort('author.name', 'DESC').addSort('title').addFilter('author', null, 'IS NOT NULL') }, expect: ['a5', 'a3', 'a8', 'a1', 'a7', 'a2'] },
  { name: 'paging', params: p => { p.addSort('title').addPageLimit(2).addPageOffset(2) }, expect: ['a5', 'a7'] }
]
