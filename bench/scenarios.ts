// The measured scenarios: what the CMS is asked, and the ceiling request it is compared with.
import type { Fixtures } from './fixtures.js'
import type { LoadSpec } from './load.js'
import { BENCH_WRITE_PREFIX } from './seed-constants.js'

/** 'cached' scenarios run against the CMS as configured (response cache on); the others with it off. */
export type Phase = 'cached' | 'uncached'

export interface Scenario {
  id: string
  /** --only group. */
  group: string
  title: string
  phase: Phase
  cms: LoadSpec
  /** Checks one sampled CMS answer; returns a problem or undefined. */
  check?: (json: unknown, status: number) => string | undefined
  ceiling?: { title: string, spec: LoadSpec }
  /**
   * When one request alone takes longer than this, the load run is skipped (reported with the
   * single request's time): 50 concurrent multi-second queries would only stall the database.
   */
  skipLoadAboveMs?: number
}

const LIST_FIELDS = 'filter[status]=1&sort=-created&page[limit]=20&fields[article]=title,slug,created,summary'
export const LIST_PATH = `/jsonapi/article?${LIST_FIELDS}`
export const INCLUDE_PATH = `/jsonapi/article?${LIST_FIELDS},author&include=author&fields[author]=name`
export const FIRST_CURSOR_PATH = `${LIST_PATH}&page[cursor]=`

interface Doc { data?: unknown, included?: unknown[], errors?: unknown }

function listCheck (expected: number, withIncluded = false) {
  return (json: unknown, status: number): string | undefined => {
    if (status !== 200) return `HTTP ${status}`
    const doc = json as Doc
    if (!Array.isArray(doc.data)) return 'no data array'
    if (doc.data.length !== expected) return `${doc.data.length} items, expected ${expected}`
    if (withIncluded && (!Array.isArray(doc.included) || doc.included.length === 0)) return 'no included authors'
    return undefined
  }
}

const itemCheck = (json: unknown, status: number) => status !== 200 ? `HTTP ${status}` : (json as Doc).data ? undefined : 'no data'

export function createBody (runId: string, n: number, authorIds: readonly string[]): string {
  const title = `${BENCH_WRITE_PREFIX}${runId} ${n}`
  return JSON.stringify({
    data: {
      type: 'article',
      attributes: {
        title,
        slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        summary: 'An article written by the benchmark through the admin API.',
        body: '<p>Written by <strong>npm run bench</strong>: validation, revision, hooks and a transaction.</p>',
        published: '2026-01-01T00:00:00.000Z'
      },
      relationships: { author: { data: { type: 'author', id: authorIds[n % authorIds.length] } } }
    }
  })
}

export interface ScenarioContext {
  cmsOrigin: string
  ceilingOrigin: string
  fixtures: Fixtures
  /** Bearer token of the bench administrator (filled in before the create scenario). */
  token: () => string
  runId: string
  deepCursor: () => string
}

export function scenarios (ctx: ScenarioContext): Scenario[] {
  const { cmsOrigin, ceilingOrigin, fixtures } = ctx
  const ids = fixtures.itemIds
  const jsonapi = { accept: 'application/vnd.api+json' }
  const writeHeaders = () => ({ ...jsonapi, 'content-type': 'application/vnd.api+json', authorization: `Bearer ${ctx.token()}` })
  const deepPath = () => `${LIST_PATH}&page[cursor]=${ctx.deepCursor()}`
  return [
    {
      id: 'cached',
      group: 'cached',
      title: 'warm-cache list (f)',
      phase: 'cached',
      cms: { origin: cmsOrigin, path: LIST_PATH, headers: jsonapi },
      check: listCheck(20),
      ceiling: { title: 'fixed JSON', spec: { origin: ceilingOrigin, path: '/fixed' } }
    },
    {
      id: 'create',
      group: 'create',
      title: 'create, admin API (e)',
      phase: 'cached',
      cms: {
        origin: cmsOrigin,
        path: '/admin/api/content/article',
        method: 'POST',
        get headers () { return writeHeaders() },
        vary: { body: n => createBody(ctx.runId, n, fixtures.authorIds) }
      },
      ceiling: {
        title: 'raw insert (rev + item, 1 tx)',
        spec: {
          origin: ceilingOrigin,
          path: '/create',
          method: 'POST',
          headers: { 'content-type': 'application/vnd.api+json' },
          vary: { body: n => createBody(`${ctx.runId}c`, n, fixtures.authorIds) }
        }
      }
    },
    {
      id: 'list',
      group: 'list',
      title: 'list 20 newest, 4 fields (a)',
      phase: 'uncached',
      cms: { origin: cmsOrigin, path: LIST_PATH, headers: jsonapi },
      check: listCheck(20),
      ceiling: { title: 'raw SQL list', spec: { origin: ceilingOrigin, path: '/list' } }
    },
    {
      id: 'include',
      group: 'include',
      title: 'list + include=author (b)',
      phase: 'uncached',
      cms: { origin: cmsOrigin, path: INCLUDE_PATH, headers: jsonapi },
      check: listCheck(20, true),
      ceiling: { title: 'raw SQL list + join', spec: { origin: ceilingOrigin, path: '/list-author' } }
    },
    {
      id: 'item',
      group: 'item',
      title: 'one item by id (c)',
      phase: 'uncached',
      cms: { origin: cmsOrigin, path: `/jsonapi/article/${ids[0] ?? ''}`, headers: jsonapi, vary: { path: n => `/jsonapi/article/${ids[n % ids.length] ?? ''}` } },
      check: itemCheck,
      ceiling: { title: 'raw SQL item + tags', spec: { origin: ceilingOrigin, path: `/item/${ids[0] ?? ''}`, vary: { path: n => `/item/${ids[n % ids.length] ?? ''}` } } }
    },
    {
      id: 'first-page',
      group: 'deep',
      title: 'first page, cursor (d)',
      phase: 'uncached',
      cms: { origin: cmsOrigin, path: FIRST_CURSOR_PATH, headers: jsonapi },
      check: listCheck(20)
    },
    {
      id: 'deep-cursor',
      group: 'deep',
      title: `page at offset ${fixtures.deepOffset}, cursor (d)`,
      phase: 'uncached',
      cms: { origin: cmsOrigin, get path () { return deepPath() }, headers: jsonapi },
      check: listCheck(20)
    },
    {
      id: 'deep-offset',
      group: 'deep',
      title: `page at offset ${fixtures.deepOffset}, offset (d)`,
      phase: 'uncached',
      cms: { origin: cmsOrigin, path: `${LIST_PATH}&page[offset]=${fixtures.deepOffset}`, headers: jsonapi },
      check: listCheck(20),
      skipLoadAboveMs: 2000
    }
  ]
}
