// Shared by the admin content tests: an administrator session, JSON:API requests, content type
// creation through the API, row counts of every table of a type, and checks on error documents.
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import type { TestDatabase } from '../../helpers/databases.js'
import { jsonApiViolations } from '../../helpers/jsonapi-schema.js'
import type { SiteConfig } from '../../../core/settings/config-types.js'
import type { ModuleDefinition } from '../../../core/kernel/module-types.js'
import type { Kernel } from '../../../core/kernel/kernel.js'
import { bootIdentity, type IdentityApp } from '../auth/helpers.js'

export const JSONAPI = 'application/vnd.api+json'
export const CONTENT = '/admin/api/content'
export const TYPES = '/admin/api/content-types'

export interface Resource {
  type: string
  id: string
  attributes: Record<string, unknown>
  relationships: Record<string, { data: unknown }>
  links: { self: string }
  meta?: Record<string, unknown>
}
export interface ErrorObject { status: string, code: string, title: string, detail: string, source?: { pointer?: string, parameter?: string, header?: string } }
export interface ItemDocument { data: Resource }
export interface ListDocument { data: Resource[], links: Record<string, string>, meta?: Record<string, unknown> }
export interface ErrorDocument { errors: ErrorObject[] }

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface ContentApp extends IdentityApp {
  token: string
  /** A request as the administrator; a string body is sent as is (raw JSON text). */
  request (method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  /** A JSON:API request (Content-Type application/vnd.api+json) as the administrator. */
  jsonapi (method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  /** Creates a runtime content type through POST /admin/api/content-types; fails the test unless 201. */
  createType (definition: Record<string, unknown>): Promise<void>
  /** Row counts of the type's item table, revision table and side tables, keyed by table name. */
  counts (typeId: string): Promise<Record<string, number>>
}

export async function bootContent (t: Test, db: TestDatabase, site: SiteConfig = {}, moduleSources: Record<string, ModuleDefinition> = {}): Promise<ContentApp> {
  const identity = await bootIdentity(t, db, site, moduleSources)
  const { accessToken: token } = await identity.login()
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const options: InjectOptions = { method, url, headers }
    if (body !== undefined) options.payload = typeof body === 'string' ? body : JSON.stringify(body)
    if (body !== undefined && !Object.keys(headers).some(h => h.toLowerCase() === 'content-type')) {
      options.headers = { ...headers, 'content-type': 'application/json' }
    }
    return identity.as(token, options)
  }
  const jsonapi = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    request(method, url, body, body === undefined ? headers : { 'content-type': JSONAPI, ...headers })
  const createType = async (definition: Record<string, unknown>) => {
    const response = await request('POST', TYPES, definition)
    if (response.statusCode !== 201) throw new Error(`content type ${String(definition.id)} not created: ${response.statusCode} ${response.body}`)
  }
  const counts = async (typeId: string) => {
    const type = identity.kernel.contentTypes.require(typeId)
    const tables = [type.table, type.revisionTable, ...[...type.fields.values()].flatMap(f => f.sideTable ? [f.sideTable] : [])]
    const out: Record<string, number> = {}
    for (const table of tables) {
      const [row] = await identity.kernel.db.knex(table).count({ n: '*' }) as Array<{ n: number | string }>
      out[table] = Number(row?.n ?? 0)
    }
    return out
  }
  return { ...identity, token, request, jsonapi, createType, counts }
}

/** A JSON:API document body for create (no id) or update (with id). */
export function doc (type: string, attributes: Record<string, unknown> = {}, relationships?: Record<string, unknown>, extra: Record<string, unknown> = {}): { data: Record<string, unknown> } {
  return { data: { type, ...extra, attributes, ...(relationships ? { relationships } : {}) } }
}

/** Nothing of the server's insides: no stack frames, SQL, file paths or driver error codes. */
export const LEAK = /\bat .+:\d+:\d+|\.ts\b|\.js:\d|\/work\/|node_modules|\bSELECT\b|\bINSERT\b|\bUPDATE\s+`|\bsqlite_|\bER_[A-Z_]+|SQLITE_/

/** Asserts a JSON:API answer: the status, the media type, schema validity and no leaks; returns the body. */
export function expectDocument<T> (t: Test, response: LightMyRequestResponse, status: number, message = ''): T {
  t.equal(response.statusCode, status, `${message} → ${status}`.trim() + (response.statusCode !== status ? ` (got ${response.body.slice(0, 400)})` : ''))
  t.match(response.headers['content-type'], /^application\/vnd\.api\+json/, `${message} media type`.trim())
  const body = response.body === '' ? undefined : response.json<T>()
  t.equal(jsonApiViolations(body), '', `${message} schema-valid`.trim())
  t.notMatch(response.body, LEAK, `${message} reveals no internals`.trim())
  return body as T
}

/** Asserts a JSON:API error answer and returns its error objects. */
export function expectErrors (t: Test, response: LightMyRequestResponse, status: number, message = ''): ErrorObject[] {
  const body = expectDocument<ErrorDocument>(t, response, status, message)
  t.ok(Array.isArray(body?.errors) && body.errors.length > 0, `${message} has error objects`.trim())
  for (const error of body?.errors ?? []) t.equal(error.status, String(status), `${message} error status`.trim())
  return body?.errors ?? []
}

export function pointers (errors: ErrorObject[]): string[] {
  return errors.map(e => e.source?.pointer ?? '')
}

/** Column name → declared type (lowercase, e.g. "varchar(50)") of a table, read from the database itself. */
export async function columnTypes (kernel: Kernel, table: string): Promise<Record<string, string>> {
  const { knex, dialect } = kernel.db
  const rows = dialect === 'mysql'
    ? (await knex.raw('SELECT column_name AS name, column_type AS type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?', [table]) as unknown as [Array<{ name: string, type: string }>])[0]
    : await knex.raw(`PRAGMA table_info(${JSON.stringify(table)})`) as Array<{ name: string, type: string }>
  return Object.fromEntries(rows.map(r => [r.name, String(r.type).toLowerCase()]))
}

/** Index name → unique? of a table, read from information_schema or SQLite's index list. */
export async function indexes (kernel: Kernel, table: string): Promise<Record<string, boolean>> {
  const { knex, dialect } = kernel.db
  if (dialect === 'mysql') {
    const [rows] = await knex.raw('SELECT DISTINCT index_name AS name, non_unique AS nonUnique FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?', [table]) as unknown as [Array<{ name: string, nonUnique: number | string }>]
    return Object.fromEntries(rows.map(r => [r.name, Number(r.nonUnique) === 0]))
  }
  const rows = await knex.raw(`PRAGMA index_list(${JSON.stringify(table)})`) as Array<{ name: string, unique: number }>
  return Object.fromEntries(rows.map(r => [r.name, r.unique === 1]))
}

export async function tableExists (kernel: Kernel, table: string): Promise<boolean> {
  return kernel.db.knex.schema.hasTable(table)
}
