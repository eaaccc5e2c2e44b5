// Every route the app registers, recorded as it is added (fastify's onRoute hook), so the
// OpenAPI document describes what is really served: core's and every module's routes.
import type { FastifyInstance, RouteOptions } from 'fastify'

export interface CatalogueRoute { method: string, url: string, schema: RouteOptions['schema'] | undefined }

const catalogues = new WeakMap<FastifyInstance, CatalogueRoute[]>()

/** Must run before the routes to describe are registered (the first core route installer). */
export function recordRoutes (app: FastifyInstance): void {
  const routes: CatalogueRoute[] = []
  catalogues.set(app, routes)
  app.addHook('onRoute', route => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      // HEAD routes mirror GET ones; OPTIONS answers CORS preflights.
      if (method === 'HEAD' || method === 'OPTIONS') continue
      routes.push({ method: method.toLowerCase(), url: route.url, schema: route.schema })
    }
  })
}

export function recordedRoutes (app: FastifyInstance): readonly CatalogueRoute[] {
  return catalogues.get(app) ?? []
}

/** fastify's /a/:id → OpenAPI's /a/{id}, with the names of the path parameters. */
export function openApiPath (url: string): { path: string, params: string[] } {
  const params: string[] = []
  const path = url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    params.push(name)
    return `{${name}}`
  })
  return { path, params }
}
