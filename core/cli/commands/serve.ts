// cms serve: boot, listen, run scheduled jobs on an interval; on SIGTERM/SIGINT stop accepting,
// let in-flight requests finish, close the pools and exit 0 (forced exit 1 after the timeout).
import { runDueJobs } from '../../jobs/run-due-jobs.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CliCommand } from '../../kernel/module-types.js'

/**
 * The HTTP layer (fastify and its plugins, the routes: about 60 packages) is imported apart from
 * the kernel: main() starts this before booting, so it loads while boot waits on the database.
 */
export const loadApp = () => import('../../http/app.js')

export const serveCommand: CliCommand = {
  name: 'serve',
  description: 'Start the HTTP server',
  needs: 'kernel',
  async run ({ kernel: booted, stdout }) {
    const kernel = booted as Kernel
    const { host, port, cronIntervalMs, shutdownTimeoutMs } = kernel.config.server
    const { buildApp } = await loadApp()
    const app = await buildApp(kernel)
    await app.listen({ host, port })
    const address = app.server.address()
    const base = `http://${host.includes(':') ? `[${host}]` : host}:${typeof address === 'object' && address ? address.port : port}`
    stdout(`CMS listening on ${base}`)
    stdout(`  content API  ${base}/jsonapi`)
    stdout(`  admin API    ${base}/admin/api`)
    stdout(`  API docs     ${base}/docs`)
    stdout(`  health       ${base}/health`)

    let jobsRunning: Promise<unknown> = Promise.resolve()
    const cron = cronIntervalMs > 0
      ? setInterval(() => {
        jobsRunning = runDueJobs(kernel).catch(error => { kernel.logger.error({ err: error }, 'job runner failed') })
      }, cronIntervalMs)
      : undefined
    cron?.unref()

    const signal = await new Promise<string>(resolve => {
      process.once('SIGTERM', () => { resolve('SIGTERM') })
      process.once('SIGINT', () => { resolve('SIGINT') })
    })
    kernel.logger.info({ signal }, 'shutting down: draining in-flight requests')
    const force = setTimeout(() => {
      kernel.logger.error('shutdown timed out; exiting')
      process.exit(1)
    }, shutdownTimeoutMs)
    force.unref()
    clearInterval(cron)
    await app.close()
    await jobsRunning
    await kernel.close()
    clearTimeout(force)
    return 0
  }
}
