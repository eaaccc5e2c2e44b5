// The synthetic dataset: deterministic per article index, so a top-up from 10k to 100k writes
// the same first 10k articles a fresh 100k seed would. Article i is created BASE + i minutes
// (plus jitter), so higher indexes are newer; ~80% are published, the rest drafts.
import { v7 as uuidv7 } from 'uuid'
import type { ContentItem, ResourceIdentifier } from '../core/index.js'

export const BASE_TIME = Date.UTC(2022, 0, 1)
export const PUBLISHED_SHARE = 0.8

/** mulberry32: a small, fast, seedable PRNG. */
function prng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ADJECTIVES = ['Practical', 'Modern', 'Hidden', 'Simple', 'Robust', 'Fast', 'Quiet', 'Secure', 'Headless', 'Modular', 'Portable', 'Lazy', 'Careful', 'Open', 'Typed', 'Incremental']
const NOUNS = ['caching', 'content models', 'revisions', 'workflows', 'indexes', 'queries', 'migrations', 'permissions', 'frontends', 'editors', 'deployments', 'schemas', 'hooks', 'modules', 'backups', 'sitemaps']
const TOPICS = ['in production', 'for small teams', 'at scale', 'without surprises', 'the hard way', 'explained', 'in practice', 'step by step']
const WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat'.split(' ')

function pick<T> (list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)] as T
}

function sentence (r: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(pick(WORDS, r))
  const text = out.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

export function slugify (text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

export function authorName (i: number): string {
  const first = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Radia', 'Niklaus']
  const last = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Perlman', 'Wirth']
  return `${first[i % first.length] ?? ''} ${last[Math.floor(i / first.length) % last.length] ?? ''} ${i + 1}`
}

export function tagName (i: number): string {
  return `${pick(NOUNS, prng(7_000 + i))} ${i + 1}`
}

export interface ArticleRefs { authors: readonly string[], tags: readonly string[] }

/** Article number i as the CMS holds it (the revision numbers are set by the writer). */
export function makeArticle (i: number, refs: ArticleRefs): ContentItem {
  const r = prng(0x5eed ^ Math.imul(i + 1, 2654435761))
  const createdMs = BASE_TIME + i * 60_000 + Math.floor(r() * 59_000)
  const created = new Date(createdMs).toISOString()
  const published = r() < PUBLISHED_SHARE
  const title = `${pick(ADJECTIVES, r)} ${pick(NOUNS, r)} ${pick(TOPICS, r)} #${i + 1}`
  const tagCount = Math.floor(r() * 4)
  const tags: ResourceIdentifier[] = []
  for (let k = 0; k < tagCount && refs.tags.length > 0; k++) {
    const id = pick(refs.tags, r)
    if (!tags.some(t => t.id === id)) tags.push({ type: 'tag', id })
  }
  const body = `<p>${sentence(r, 40)}</p><p>${sentence(r, 30)} <strong>${pick(NOUNS, r)}</strong> ${sentence(r, 20)}</p>`
  return {
    type: 'article',
    // Time-ordered ids, as the CMS's own uuidv7 gives items created at that moment.
    id: uuidv7({ msecs: createdMs }),
    rev: null,
    defaultRev: null,
    latestRev: null,
    version: 1,
    uid: null,
    created,
    changed: created,
    status: published,
    moderationState: published ? 'published' : 'draft',
    values: {
      title,
      slug: slugify(title),
      summary: sentence(r, 18),
      body,
      published: published ? created : null,
      author: refs.authors.length > 0 ? { type: 'author', id: pick(refs.authors, r) } : null,
      tags
    }
  }
}
