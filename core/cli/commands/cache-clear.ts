// cms cache:clear: empties the response cache of every process serving this database (through
// the invalidation log, which each process polls twice a second).
import { cacheService } from '../../cache/cache-service.js'
import { POLL_INTERVAL_MS } from '../../cache/invalidation-log.js'
import type { CliCommand } from '../../kernel/module-types.js'
import { UsageError } from '../usage-error.js'

export const cacheClearCommand: CliCommand = {
  name: 'cache:clear',
  description: 'Empty the content API response cache of every running process',
  needs: 'kernel',
  async run ({ kernel, stdout, positionals }) {
    if (!kernel) return 1
    if (positionals.length > 0) throw new UsageError('cache:clear takes no arguments')
    await cacheService(kernel).clear()
    stdout(`Cache cleared; running processes drop their cached responses within ${POLL_INTERVAL_MS * 2} ms.`)
    return 0
  }
}
