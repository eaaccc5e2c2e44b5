// Shared by the content access tests: a site with the blog module and a known administrator,
// roles and users made through the admin API, JSON:API requests as any caller.
import type { LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import type { ModuleDefinition } from '../../../core/kernel/module-types.js'
import type { TestDatabase } from '../../helpers/databases.js'
import { bootIdentity, type IdentityApp } from '../auth/helpers.js'

export const JSONAPI = 'application/vnd.api+json'
export const PASSWORD = 'a long enough password for tests'
export const CONTENT = '/admin/api/content'

/** The permissions of an author who may only manage their own articles. */
export const OWN_ARTICLE = ['create article content', 'edit own article content', 'delete own article content']

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

export interface Resource {
  type: string
  id: string
  attributes: Record<string, unknown>
  relationships: Record<string, { data: unknown }>
  meta?: Record<string, unknown>
}

export interface ErrorObject { status: string, detail?: string, source?: { pointer?: string, parameter?: string } }

export interface User { id: string, token: string }

export interface Site extends IdentityApp {
  adminToken: string
  /** A JSON:API request; token null = anonymous. */
  api (token: string | null, method: Method, url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  /** Creates a role with these permissions (as the administrator). */
  role (id: string, permissions: string[]): Promise<void>
  /** Creates an active user with these roles and logs them in. */
  user (name: string, roles: string[]): Promise<User>
  /** Creates an item through the admin API as `token` (default: the administrator); 201 or it throws. */
  create (type: string, attributes: Record<string, unknown>, options?: { token?: string, owner?: string | null, relationships?: Record<string, unknown> }): Promise<Resource>
  /** The item ids of a list response (throws unless 200). */
  ids (token: string | null, url: string): Promise<string[]>
}

export interface BootOptions { modules?: string[], moduleSources?: Record<string, ModuleDefinition> }

export function errors (response: LightMyRequestResponse): ErrorObject[] {
  return response.json<{ errors: ErrorObject[] }>().errors
}

export function resource (response: LightMyRequestResponse): Resource {
  return response.json<{ data: Resource }>().data
}

/** A JSON:API document for create (no id) or update (with id). */
export function doc (type: string, attributes: Record<string, unknown>, relationships?: Record<string, unknown>, id?: string): Record<string, unknown> {
  return { data: { type, ...(id ? { id } : {}), attributes, ...(relationships ? { relationships } : {}) } }
}

export async function bootContent (t: Test, db: TestDatabase, options: BootOptions = {}): Promise<Site> {
  const identity = await bootIdentity(t, db, { modules: ['blog', ...(options.modules ?? [])] }, options.moduleSources ?? {})
  const { app, login, createUser, as } = identity
  const adminToken = (await login()).accessToken

  const api: Site['api'] = async (token, method, url, payload, headers = {}) => app.inject({
    method,
    url,
    headers: {
      accept: JSONAPI,
      ...(payload !== undefined ? { 'content-type': JSONAPI } : {}),
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      ...headers
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {})
  })

  const role: Site['role'] = async (id, permissions) => {
    const response = await as(adminToken, { method: 'POST', url: '/admin/api/roles', payload: { id, label: id, permissions } })
    if (response.statusCode !== 201) throw new Error(`role ${id}: ${response.statusCode} ${response.body}`)
  }

  const user: Site['user'] = async (name, roles) => {
    const email = `${name}@example.test`
    const id = await createUser(adminToken, { email, password: PASSWORD, displayName: name, roles })
    return { id, token: (await login(email, PASSWORD)).accessToken }
  }

  const create: Site['create'] = async (type, attributes, options = {}) => {
    const relationships: Record<string, unknown> = { ...options.relationships }
    if (options.owner !== undefined) relationships.uid = { data: options.owner === null ? null : { type: 'user', id: options.owner } }
    const body = doc(type, attributes, Object.keys(relationships).length > 0 ? relationships : undefined)
    const response = await api(options.token ?? adminToken, 'POST', `${CONTENT}/${type}`, body)
    if (response.statusCode !== 201) throw new Error(`create ${type}: ${response.statusCode} ${response.body}`)
    return resource(response)
  }

  const ids: Site['ids'] = async (token, url) => {
    const response = await api(token, 'GET', url)
    if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`)
    return response.json<{ data: Resource[] }>().data.map(r => r.id)
  }

  return { ...identity, adminToken, api, role, user, create, ids }
}
