// Services between modules (only with a declared dependency) and routes that modules add.
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { bootTestApp, bootTestKernel, testConfig } from '../helpers/boot.js'
import { counterConsumer, counterIntruder, counterProvider } from '../fixtures/modules/services.js'
import { recorder } from '../fixtures/modules/recorder.js'
import { bootKernel } from '../../core/kernel/boot.js'
import { createLogger } from '../../core/kernel/logger.js'

const sources = { counter: counterProvider, consumer: counterConsumer, intruder: counterIntruder }

eachDatabase(t, 'a module uses the service of a module it depends on', async (t, db) => {
  const { app, kernel } = await bootTestApp(t, db, { site: { modules: ['consumer', 'counter'] }, moduleSources: sources })
  t.same(kernel.moduleNames, ['counter', 'consumer'])
  t.equal(kernel.registries.services.owner('fixture.counter'), 'counter')
  const response = await app.inject({ method: 'GET', url: '/fixture/count' })
  t.equal(response.statusCode, 200)
  t.same(response.json(), { first: 1, now: 2 }, 'the same service instance at register time and at request time')
  t.equal(kernel.service('fixture.counter').next(), 3, 'the kernel hands out the same instance')
})

eachDatabase(t, 'using a service without declaring the dependency stops boot', async (t, db) => {
  const config = testConfig(db, { site: { modules: ['counter', 'intruder'] } })
  await t.rejects(bootKernel(config, { logger: createLogger('silent'), moduleSources: sources }), {
    message: /Module "intruder" failed to register: .*intruder.*"fixture\.counter".*counter without depending on counter/
  })
})

eachDatabase(t, 'asking for a service nobody provides names the module and the service', async (t, db) => {
  const config = testConfig(db, { site: { modules: ['intruder'] } })
  await t.rejects(bootKernel(config, { logger: createLogger('silent'), moduleSources: sources }), {
    message: /intruder.*"fixture\.counter".*which no enabled module provides/
  })
})

eachDatabase(t, 'kernel.service() refuses a service no enabled module provides', async (t, db) => {
  const kernel = await bootTestKernel(t, db, { site: { modules: [] } })
  t.throws(() => kernel.service('fixture.counter'), { message: /No enabled module provides the service "fixture\.counter"/ })
})

eachDatabase(t, 'routes added by modules answer; routes of disabled modules do not', async (t, db) => {
  const pages = recorder('pages', [], {
    register (ctx) {
      ctx.routes.add((app, kernel) => {
        app.get<{ Params: { slug: string } }>('/pages/:slug', async request => ({ slug: request.params.slug, modules: kernel.moduleNames }))
        app.post('/pages', async (_request, reply) => reply.code(201).send({ created: true }))
      })
    }
  })
  const other = recorder('other', [], {
    register (ctx) { ctx.routes.add(app => { app.get('/other', async () => ({ other: true })) }) }
  })
  const { app } = await bootTestApp(t, db, { site: { modules: ['pages'] }, moduleSources: { pages, other } })
  const page = await app.inject({ method: 'GET', url: '/pages/hello-world' })
  t.equal(page.statusCode, 200)
  t.same(page.json(), { slug: 'hello-world', modules: ['pages'] })
  const created = await app.inject({ method: 'POST', url: '/pages', payload: { title: 'x' } })
  t.equal(created.statusCode, 201)
  t.equal((await app.inject({ method: 'GET', url: '/other' })).statusCode, 404, 'a module that is not enabled adds nothing')
})
