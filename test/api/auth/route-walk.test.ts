// Walks the route table: every route under /admin/api (module routes included) answers an
// anonymous request with 401, except login and refresh.
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { defineModule } from '../../../core/kernel/module-types.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootIdentity } from './helpers.js'

const fixture = defineModule({
  name: 'walkfixture',
  version: '1.0.0',
  core: '*',
  register (ctx) {
    ctx.routes.add(app => {
      app.get('/admin/api/walkfixture/things', async () => ({ data: [] }))
      app.put('/admin/api/walkfixture/things/:id', async () => ({ data: {} }))
    })
  }
})

/** Full path + methods of every route, from printRoutes' tree (children print the rest of the path). */
function routeTable (app: FastifyInstance): Array<{ path: string, methods: string[] }> {
  const stack: string[] = []
  const routes: Array<{ path: string, methods: string[] }> = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)[└├]── (\S+) \(([^)]+)\)/.exec(line)
    if (!match) continue
    const depth = Math.round((match[1] ?? '').length / 4)
    stack.length = depth
    const path = (stack[depth - 1] ?? '') + (match[2] ?? '')
    stack[depth] = path
    routes.push({ path, methods: (match[3] ?? '').split(', ') })
  }
  return routes
}

const PUBLIC = new Set(['POST /admin/api/auth/login', 'POST /admin/api/auth/refresh'])

eachDatabase(t, 'every admin route refuses anonymous callers', async (t, db) => {
  const { app } = await bootIdentity(t, db, { modules: ['walkfixture'] }, { walkfixture: fixture })
  await app.ready()
  const admin = routeTable(app).filter(r => r.path.startsWith('/admin/api'))
  const checked: string[] = []
  for (const { path, methods } of admin) {
    const url = path.replace(/:[a-zA-Z]+/g, '0190a7a4-0000-7000-8000-000000000000')
    for (const method of methods) {
      const withBody = method === 'POST' || method === 'PUT' || method === 'PATCH'
      const response = await app.inject({ method: method as 'GET', url, ...(withBody ? { payload: { dummy: true } } : {}) })
      const key = `${method} ${path}`
      checked.push(key)
      if (PUBLIC.has(key)) t.not(response.statusCode, 401, `${key} is open`)
      else t.equal(response.statusCode, 401, key)
    }
  }
  t.ok(checked.includes('GET /admin/api/walkfixture/things'), 'module routes are walked')
  t.ok(checked.includes('PUT /admin/api/walkfixture/things/:id'))
  t.ok(checked.includes('DELETE /admin/api/users/:id'))
  t.ok(checked.length >= 25, `${checked.length} method/route pairs walked`)
  for (const url of ['/admin/api/%75sers', '/admin/api/users/', '/admin/api/nothing-here', '/admin/api']) {
    t.equal((await app.inject({ method: 'GET', url })).statusCode, 401, `${url}: no way around the guard`)
  }
})
