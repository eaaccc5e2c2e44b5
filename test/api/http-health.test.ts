// Health endpoints: /health is liveness; /health/ready is 200 only when migrated and the database answers.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestApp } from '../helpers/boot.js'

eachDatabase(t, '/health answers 200 while the process lives', async (t, db) => {
  const { app } = await bootTestApp(t, db)
  const response = await app.inject({ method: 'GET', url: '/health' })
  t.equal(response.statusCode, 200)
  t.same(response.json(), { status: 'ok' })
})

eachDatabase(t, '/health/ready answers 200 after boot', async (t, db) => {
  const { app } = await bootTestApp(t, db)
  const response = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(response.statusCode, 200)
  t.same(response.json(), { status: 'ready', checks: { migrations: true, database: true } })
})

eachDatabase(t, '/health/ready answers 503 before migrations are done', async (t, db) => {
  const { app, kernel } = await bootTestApp(t, db)
  kernel.migrated = false
  const response = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(response.statusCode, 503)
  t.same(response.json(), { status: 'unavailable', checks: { migrations: false, database: true } })
  t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'still alive')
})

eachDatabase(t, '/health/ready answers 503, promptly, when the database is gone', async (t, db) => {
  const { app, kernel } = await bootTestApp(t, db)
  await kernel.db.close()
  const started = Date.now()
  const response = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(response.statusCode, 503)
  t.same(response.json(), { status: 'unavailable', checks: { migrations: true, database: false } })
  t.ok(Date.now() - started < 3000, 'within the 2 s check timeout')
  t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'liveness does not need the database')
})
