// Assembles the OpenAPI 3.1 document from the recorded routes and the content types: typed
// paths per content type for the JSON:API routes, a generic operation for every other route.
import type { FastifyInstance } from 'fastify'
import { CORE_VERSION } from '../../kernel/core-version.js'
import type { Kernel } from '../../kernel/kernel.js'
import { typedPaths } from './content-paths.js'
import { openApiPath, recordedRoutes } from './route-catalogue.js'
import { componentSchemas } from './type-schemas.js'

type Operation = Record<string, unknown>

/** Routes described per content type (typedPaths) instead of generically. */
const TYPED = new Set([
  '/jsonapi/:type', '/jsonapi/:type/:id', '/jsonapi/:type/:id/:relationship', '/jsonapi/:type/:id/relationships/:relationship',
  '/admin/api/content/:type', '/admin/api/content/:type/:id'
])

function section (path: string): string {
  if (path.startsWith('/jsonapi')) return 'Content API'
  if (path.startsWith('/admin/api/content/')) return 'Admin content API'
  if (path.startsWith('/admin/api/auth')) return 'Authentication'
  if (path.startsWith('/admin/api/')) return `Admin: ${path.split('/')[3] ?? ''}`
  return 'Site'
}

function genericOperation (method: string, path: string, params: string[], schema: Record<string, unknown> | undefined): Operation {
  const operation: Operation = {
    tags: [section(path)],
    summary: `${method.toUpperCase()} ${path}`,
    responses: { default: { description: 'See the error catalogue for 4xx answers' } }
  }
  if (params.length > 0) operation.parameters = params.map(name => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
  if (path.startsWith('/admin/api/') && !/\/auth\/(login|refresh)$/.test(path)) operation.security = [{ bearer: [] }]
  if (schema?.body) operation.requestBody = { content: { 'application/json': { schema: schema.body } } }
  return operation
}

export function buildOpenApiDocument (app: FastifyInstance, kernel: Kernel, origin: string): Record<string, unknown> {
  const types = kernel.contentTypes.list()
  const paths: Record<string, Record<string, Operation>> = {}
  for (const route of recordedRoutes(app)) {
    if (TYPED.has(route.url)) continue
    const { path, params } = openApiPath(route.url)
    paths[path] = { ...paths[path], [route.method]: genericOperation(route.method, path, params, route.schema as Record<string, unknown> | undefined) }
  }
  Object.assign(paths, typedPaths(types))
  return {
    openapi: '3.1.0',
    info: {
      title: 'CMS API',
      version: CORE_VERSION,
      description: 'The content API (/jsonapi, JSON:API 1.1 with Drupal\'s query grammar, read-only) and the admin API (/admin/api). ' +
        'Content types are described in components.schemas, one schema per type.'
    },
    servers: [{ url: origin }],
    tags: [{ name: 'Content API' }, { name: 'Admin content API' }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: componentSchemas(types),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A JWT access token from /admin/api/auth/login, or an API token' } }
    }
  }
}
