// Shared by the workflow, editorial, pathauto and blog tests: a site with blog + editorial +
// pathauto and a known administrator, roles and users made through the admin API, JSON:API
// requests as any caller, and what anonymous readers get.
import type { LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import { buildActor } from '../../../core/access/role-cache.js'
import { findContent } from '../../../core/content/operations/find.js'
import { findOneContent } from '../../../core/content/operations/find-one.js'
import type { ModuleDefinition } from '../../../core/kernel/module-types.js'
import type { ModuleEntry } from '../../../core/settings/config-types.js'
import type { TestDatabase } from '../../helpers/databases.js'
import { ADMIN, bootIdentity, type IdentityApp } from '../auth/helpers.js'
import { bootTestKernel } from '../../helpers/boot.js'
import type { Kernel } from '../../../core/kernel/kernel.js'

export const JSONAPI = 'application/vnd.api+json'
export const PASSWORD = 'a long enough password for tests'
export const CONTENT = '/admin/api/content'
export const WORKFLOWS = '/admin/api/workflows'
export const TYPES = '/admin/api/content-types'

/** The editorial workflow's transitions and the states they connect. */
export const EDITORIAL = {
  create_new_draft: { from: ['draft', 'published'], to: 'draft' },
  submit_for_review: { from: ['draft', 'review'], to: 'review' },
  send_back: { from: ['review'], to: 'draft' },
  publish: { from: ['draft', 'review', 'published'], to: 'published' },
  archive: { from: ['published'], to: 'archived' },
  restore_to_draft: { from: ['archived'], to: 'draft' }
} as const
export type EditorialTransition = keyof typeof EDITORIAL
export const TRANSITIONS = Object.keys(EDITORIAL) as EditorialTransition[]
export const permissionOf = (transition: string): string => `use editorial transition ${transition}`

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface Resource {
  type: string
  id: string
  attributes: Record<string, unknown>
  relationships: Record<string, { data: unknown }>
  meta?: { transitions?: Array<{ id: string, label: string, to: string }>, revision?: number, defaultRevision?: number, latestRevision?: number } & Record<string, unknown>
}

export interface ErrorObject { status: string, code?: string, detail?: string, source?: { pointer?: string, parameter?: string } }

export interface User { id: string, token: string }

export interface Site extends IdentityApp {
  adminToken: string
  /** A request with a JSON:API body (or none); token null = anonymous. */
  api (token: string | null, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>
  /** A request with a plain JSON body (structure routes); token null = anonymous. */
  json (token: string | null, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>
  role (id: string, permissions: string[]): Promise<void>
  user (name: string, roles: string[]): Promise<User>
  /** POST /admin/api/content/{type} as `token` (default: the administrator); 201 or it throws. */
  create (type: string, attributes: Record<string, unknown>, token?: string): Promise<Resource>
  /** PATCH the item's attributes (and an optional revision log) as `token` (default: administrator). */
  patch (type: string, id: string, attributes: Record<string, unknown>, token?: string, log?: string): Promise<LightMyRequestResponse>
  /** GET the admin resource (default: as the administrator); 200 or it throws. */
  get (type: string, id: string, query?: string, token?: string): Promise<Resource>
  /** What an anonymous reader gets for one item: its attributes, or null when not visible. */
  reader (type: string, id: string): Promise<Record<string, unknown> | null>
  /** The ids of every item an anonymous reader gets in the type's list. */
  readerList (type: string): Promise<Array<{ id: string, attributes: Record<string, unknown> }>>
  /** True when the public content API (/jsonapi) is installed and answers through HTTP. */
  hasContentApi: boolean
}

export interface SiteOptions {
  /** pathauto options, e.g. { regenerate: ['article'] }. */
  pathauto?: Record<string, unknown>
  /** Modules enabled after blog, editorial and pathauto (fixture modules). */
  extraModules?: string[]
  moduleSources?: Record<string, ModuleDefinition>
  /** Seed the blog's demo content at boot. */
  demoContent?: boolean
}

export function errors (response: LightMyRequestResponse): ErrorObject[] {
  return response.json<{ errors?: ErrorObject[] }>().errors ?? []
}

export function pointers (response: LightMyRequestResponse): string[] {
  return errors(response).map(e => e.source?.pointer ?? e.source?.parameter ?? '')
}

export function resource (response: LightMyRequestResponse): Resource {
  return response.json<{ data: Resource }>().data
}

export function doc (type: string, attributes: Record<string, unknown>, id?: string, meta?: Record<string, unknown>): Record<string, unknown> {
  return { data: { type, ...(id ? { id } : {}), attributes, ...(meta ? { meta } : {}) } }
}

/** Counts rows of a table matching `where`. */
export async function countRows (site: Site, table: string, where: Record<string, unknown> = {}): Promise<number> {
  const [row] = await site.kernel.db.knex(table).where(where).count({ n: '*' }) as Array<{ n: number | string }>
  return Number(row?.n ?? 0)
}

/** The enabled modules of a test site: blog, editorial, pathauto (with its options), then extras. */
export function siteModules (options: SiteOptions = {}): Array<string | ModuleEntry> {
  const pathauto: string | ModuleEntry = options.pathauto ? { name: 'pathauto', options: options.pathauto } : 'pathauto'
  return ['blog', 'editorial', pathauto, ...(options.extraModules ?? [])]
}

/** Another kernel (another process, as far as the database can tell) on the same database. */
export async function secondKernel (t: Test, db: TestDatabase, options: SiteOptions = {}): Promise<Kernel> {
  return bootTestKernel(t, db, { site: { admin: ADMIN, modules: siteModules(options), demoContent: options.demoContent ?? false }, moduleSources: options.moduleSources ?? {} })
}

export async function bootSite (t: Test, db: TestDatabase, options: SiteOptions = {}): Promise<Site> {
  const identity = await bootIdentity(t, db, { modules: siteModules(options), demoContent: options.demoContent ?? false }, options.moduleSources ?? {})
  const { app, kernel, login, createUser } = identity
  const adminToken = (await login()).accessToken
  const hasContentApi = app.hasRoute({ method: 'GET', url: '/jsonapi/:type/:id' })

  const send = (contentType: string) => async (token: string | null, method: Method, url: string, payload?: unknown) => app.inject({
    method,
    url,
    headers: {
      accept: contentType === JSONAPI ? JSONAPI : 'application/json',
      ...(payload !== undefined ? { 'content-type': contentType } : {}),
      ...(token !== null ? { authorization: `Bearer ${token}` } : {})
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {})
  })
  const api = send(JSONAPI)
  const json = send('application/json')

  const role: Site['role'] = async (id, permissions) => {
    const response = await json(adminToken, 'POST', '/admin/api/roles', { id, label: id, permissions })
    if (response.statusCode !== 201) throw new Error(`role ${id}: ${response.statusCode} ${response.body}`)
  }
  const user: Site['user'] = async (name, roles) => {
    const email = `${name}@example.test`
    const id = await createUser(adminToken, { email, password: PASSWORD, displayName: name, roles })
    return { id, token: (await login(email, PASSWORD)).accessToken }
  }
  const create: Site['create'] = async (type, attributes, token = adminToken) => {
    const response = await api(token, 'POST', `${CONTENT}/${type}`, doc(type, attributes))
    if (response.statusCode !== 201) throw new Error(`create ${type}: ${response.statusCode} ${response.body}`)
    return resource(response)
  }
  const patch: Site['patch'] = async (type, id, attributes, token = adminToken, log) =>
    api(token, 'PATCH', `${CONTENT}/${type}/${id}`, doc(type, attributes, id, log === undefined ? undefined : { revision_log: log }))
  const get: Site['get'] = async (type, id, query = '', token = adminToken) => {
    const response = await api(token, 'GET', `${CONTENT}/${type}/${id}${query}`)
    if (response.statusCode !== 200) throw new Error(`GET ${type}/${id}${query}: ${response.statusCode} ${response.body}`)
    return resource(response)
  }
  const reader: Site['reader'] = async (type, id) => {
    if (hasContentApi) {
      const response = await api(null, 'GET', `/jsonapi/${type}/${id}`)
      if (response.statusCode === 404) return null
      if (response.statusCode !== 200) throw new Error(`GET /jsonapi/${type}/${id}: ${response.statusCode} ${response.body}`)
      return resource(response).attributes
    }
    // Without the content API: what the data layer gives the anonymous role (as /jsonapi would).
    const anonymous = await buildActor(kernel.db.knex, 'anonymous', null, [])
    try {
      return (await findOneContent(kernel, anonymous, type, id)).values
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null
      throw error
    }
  }
  const readerList: Site['readerList'] = async type => {
    if (hasContentApi) {
      const response = await api(null, 'GET', `/jsonapi/${type}?page[limit]=50`)
      if (response.statusCode !== 200) throw new Error(`GET /jsonapi/${type}: ${response.statusCode} ${response.body}`)
      return response.json<{ data: Resource[] }>().data.map(r => ({ id: r.id, attributes: r.attributes }))
    }
    const anonymous = await buildActor(kernel.db.knex, 'anonymous', null, [])
    const found = await findContent(kernel, anonymous, type, { sort: [], page: { kind: 'offset', offset: 0, limit: 50 }, total: false })
    return found.items.map(item => ({ id: item.id, attributes: item.values }))
  }
  return { ...identity, adminToken, api, json, role, user, create, patch, get, reader, readerList, hasContentApi }
}
