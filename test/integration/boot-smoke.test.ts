// Smoke test: the default example module boots on every database and answers health and its route.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestApp } from '../helpers/boot.js'

eachDatabase(t, 'boots with the example module and answers health', async (t, db) => {
  const { app, kernel } = await bootTestApp(t, db, { site: { modules: ['greeting'] } })
  t.same(kernel.moduleNames, ['greeting'])
  const health = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(health.statusCode, 200)
  const hello = await app.inject({ method: 'GET', url: '/greeting?name=%F0%9F%98%80' })
  t.same(hello.json(), { message: 'Hello, 😀!' })
})
