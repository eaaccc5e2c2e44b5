// The dataset the content API tests query: tags, authors and articles created through the content
// operations (SYSTEM actor), published and hidden items interleaved, with names to refer to them.
import { SYSTEM } from '../../../core/access/actor.js'
import { createContent } from '../../../core/content/operations/create.js'
import type { Kernel } from '../../../core/kernel/kernel.js'

export type Ids = Record<string, string>

const doc = (type: string, attributes: Record<string, unknown>, relationships: Record<string, unknown> = {}) => ({ data: { type, attributes, relationships } })
const one = (type: string, id: string | undefined) => ({ data: id ? { type, id } : null })
const many = (type: string, list: string[]) => ({ data: list.map(id => ({ type, id })) })

export const TAGS = { news: ['News', true], howto: ['How-to', true], release: ['Release notes', true], secret: ['Secret', false] } as const
export const AUTHORS = { ada: ['Ada Lovelace', true], alan: ['Alan Turing', true], grace: ['Grace Hopper', false] } as const

/** name: [title, status, author, tags, published day in January 2026 or null, summary or null] */
export const ARTICLES: Record<string, [string, boolean, keyof typeof AUTHORS | null, Array<keyof typeof TAGS>, number | null, string | null]> = {
  a1: ['Alpha engines', true, 'ada', ['news'], 1, 'first'],
  a2: ['Beta compilers', true, 'grace', ['howto'], 2, null],
  a3: ['Gamma release', true, 'alan', ['news', 'release'], 3, 'gamma'],
  a4: ['Delta drafts', false, 'ada', ['news'], 4, 'hidden'],
  a5: ['Epsilon secrets', true, 'alan', ['secret'], 5, null],
  a6: ['Zeta notes', true, null, [], null, 'zeta'],
  a7: ['Eta howto', true, 'ada', ['howto', 'release'], 7, null],
  a8: ['Theta', true, 'alan', ['release'], 8, 'last']
}

export const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString()

export async function seedBlog (kernel: Kernel): Promise<Ids> {
  const ids: Ids = {}
  for (const [key, [name, status]] of Object.entries(TAGS)) {
    ids[key] = (await createContent(kernel, SYSTEM, 'tag', doc('tag', { name, status }))).id
  }
  for (const [key, [name, status]] of Object.entries(AUTHORS)) {
    ids[key] = (await createContent(kernel, SYSTEM, 'author', doc('author', { name, status, email: `${key}@example.test` }))).id
  }
  for (const [key, [title, status, author, tags, published, summary]] of Object.entries(ARTICLES)) {
    ids[key] = (await createContent(kernel, SYSTEM, 'article', doc('article', {
      title, status, summary, published: published === null ? null : day(published)
    }, { author: one('author', author ? ids[author] : undefined), tags: many('tag', tags.map(t => ids[t] as string)) }))).id
  }
  return ids
}

/** The visible (published) article keys, in title order. */
export const VISIBLE_BY_TITLE = Object.entries(ARTICLES).filter(([, a]) => a[1]).sort(([, a], [, b]) => a[0].localeCompare(b[0])).map(([k]) => k)
