// Shared by the content API tests: a blog site with a known administrator, requests as anonymous
// or with a token, and assertions that every answer is a valid JSON:API 1.1 document.
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import type { SiteConfig } from '../../../core/settings/config-types.js'
import type { TestDatabase } from '../../helpers/databases.js'
import { jsonApiViolations } from '../../helpers/jsonapi-schema.js'
import { bootIdentity, type IdentityApp } from '../auth/helpers.js'

export const JSONAPI = 'application/vnd.api+json'

export interface Resource {
  type: string
  id: string
  attributes: Record<string, unknown>
  relationships: Record<string, { data: unknown, links?: Record<string, string> }>
  links: { self: string }
}
export interface ErrorObject { status: string, code: string, detail: string, source?: { parameter?: string, header?: string } }
export interface ListDocument { data: Resource[], links: Record<string, string>, meta?: Record<string, unknown>, included?: Resource[] }

export interface ApiSite extends IdentityApp {
  adminToken: string
  /** GET (or another method) on the content API; token null = anonymous. */
  get (url: string, options?: { token?: string | null, headers?: Record<string, string>, method?: InjectOptions['method'] }): Promise<LightMyRequestResponse>
  /** A JSON:API write through the admin API as the administrator. */
  admin (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>
  /** Creates a role with these permissions and a user holding it; returns the user's token and id. */
  userWith (name: string, permissions: string[]): Promise<{ id: string, token: string }>
}

export async function bootApi (t: Test, db: TestDatabase, site: SiteConfig = {}): Promise<ApiSite> {
  const identity = await bootIdentity(t, db, { modules: ['blog'], ...site })
  const { accessToken: adminToken } = await identity.login()
  const get: ApiSite['get'] = (url, options = {}) => {
    const headers = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    return identity.app.inject({ method: options.method ?? 'GET', url, headers })
  }
  const admin: ApiSite['admin'] = (method, url, body) => identity.as(adminToken, {
    method, url, ...(body === undefined ? {} : { payload: JSON.stringify(body), headers: { 'content-type': JSONAPI } })
  })
  const userWith: ApiSite['userWith'] = async (name, permissions) => {
    const role = await identity.as(adminToken, { method: 'POST', url: '/admin/api/roles', payload: { id: name, label: name, permissions } })
    if (role.statusCode !== 201) throw new Error(`role ${name}: ${role.statusCode} ${role.body}`)
    const email = `${name}@example.test`
    const password = 'a long enough password for tests'
    const id = await identity.createUser(adminToken, { email, password, displayName: name, roles: [name] })
    return { id, token: (await identity.login(email, password)).accessToken }
  }
  return { ...identity, adminToken, get, admin, userWith }
}

/** Nothing of the server's insides: no stack frames, SQL, file paths or driver error codes. */
const LEAK = /\bat .+:\d+:\d+|\.ts\b|\.js:\d|\/work\/|node_modules|\bSELECT\b|\bINSERT\b|\bsqlite_|\bER_[A-Z_]+|SQLITE_/

/** Asserts status, the exact JSON:API media type, schema validity and no leaks; returns the body. */
export function expectDocument<T = ListDocument> (t: Test, response: LightMyRequestResponse, status: number, message = ''): T {
  t.equal(response.statusCode, status, `${message} → ${status}`.trim() + (response.statusCode !== status ? ` (got ${response.body.slice(0, 500)})` : ''))
  t.equal(response.headers['content-type'], JSONAPI, `${message} media type`.trim())
  const body = response.json<T>()
  t.equal(jsonApiViolations(body), '', `${message} schema-valid`.trim())
  t.notMatch(response.body, LEAK, `${message} reveals no internals`.trim())
  return body
}

/** Asserts an error document with `status` and returns its error objects. */
export function expectErrors (t: Test, response: LightMyRequestResponse, status: number, message = ''): ErrorObject[] {
  const body = expectDocument<{ errors?: ErrorObject[] }>(t, response, status, message)
  const errors = body.errors ?? []
  t.ok(errors.length > 0, `${message} has error objects`.trim())
  for (const error of errors) t.equal(error.status, String(status), `${message} error status`.trim())
  return errors
}

export function ids (body: { data: Resource[] }): string[] {
  return body.data.map(r => r.id)
}
