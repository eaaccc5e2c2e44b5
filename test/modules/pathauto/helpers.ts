// Shared by the pathauto tests: the aliases stored for an item, and /router/resolve calls.
import type { LightMyRequestResponse } from 'fastify'
import type { Site } from '../../api/workflow/helpers.js'

export interface Resolved { type: string, id: string, path: string, jsonapi: string, redirect?: { from: string, to: string, status: number } }

export async function aliasesOf (site: Site, id: string): Promise<Array<{ path: string, current: boolean }>> {
  const rows = await site.kernel.db.knex('pathauto_aliases').where('item_id', id).orderBy('id').select('path', 'current') as Array<{ path: string, current: number | boolean }>
  return rows.map(r => ({ path: r.path, current: Boolean(r.current) }))
}

export async function currentAliasOf (site: Site, id: string): Promise<string | undefined> {
  return (await aliasesOf(site, id)).find(r => r.current)?.path
}

/** GET /router/resolve with this raw query string, as `token` (null: anonymous). */
export async function resolve (site: Site, query: string, token: string | null = null): Promise<LightMyRequestResponse> {
  return site.json(token, 'GET', `/router/resolve?${query}`)
}

export async function resolvePath (site: Site, path: string, token: string | null = null): Promise<LightMyRequestResponse> {
  return resolve(site, `path=${encodeURIComponent(path)}`, token)
}

export function resolved (response: LightMyRequestResponse): Resolved {
  return response.json<{ data: Resolved }>().data
}

/** The slug pathauto makes of a title (what the blog pattern's {{slugify title}} gives). */
export function yearOf (created: unknown): number {
  return new Date(String(created)).getUTCFullYear()
}
