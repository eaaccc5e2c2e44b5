// The cache's part in boot: core's content.afterCommit handler purges the tags of every committed
// write (so a write is never followed by a stale read); once migrated, the invalidation log
// starts carrying purges between processes.
import type { BootPhase } from '../kernel/boot-phases.js'
import { migrate } from '../db/migrator.js'
import { cacheService } from './cache-service.js'
import { tagsForWrite } from './cache-tags.js'
import { InvalidationLog } from './invalidation-log.js'
import { invalidationsMigration } from './invalidation-table.js'

export const cachePhase: BootPhase = {
  name: 'cache',
  register (kernel) {
    const cache = cacheService(kernel)
    kernel.hooks.on('core', 'content.afterCommit', async event => {
      await cache.invalidate(tagsForWrite(event.type.id, event.item.id))
    }, { position: 'first' })
  },
  async ready (kernel) {
    await migrate(kernel.db, [{ owner: 'core', migrations: [invalidationsMigration] }])
    const cache = cacheService(kernel)
    const log = new InvalidationLog(kernel.db.knex, change => {
      if (change.kind === 'clear') cache.responses.clear()
      else cache.responses.purge(change.tags)
    }, error => { kernel.logger.warn({ err: error }, 'cache invalidation poll failed') })
    await log.start()
    cache.log = log
    kernel.onClose(() => log.stop())
  }
}
