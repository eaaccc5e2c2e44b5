// Liveness (/health) and readiness (/health/ready: database answers, migrations done).
import type { FastifyInstance } from 'fastify'
import type { Kernel } from '../kernel/kernel.js'

async function databaseAnswers (kernel: Kernel, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>(resolve => { timer = setTimeout(() => { resolve(false) }, timeoutMs) })
  try {
    return await Promise.race([kernel.db.knex.raw('SELECT 1').then(() => true, () => false), timeout])
  } finally {
    clearTimeout(timer)
  }
}

export function healthRoutes (app: FastifyInstance, kernel: Kernel): void {
  app.get('/health', async () => ({ status: 'ok' }))
  app.get('/health/ready', async (_request, reply) => {
    const checks = { migrations: kernel.migrated, database: await databaseAnswers(kernel, 2000) }
    const ready = checks.migrations && checks.database
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks })
  })
}
