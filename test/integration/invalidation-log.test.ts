// The invalidation log's publishing: concurrent publishes share INSERT statements yet each keeps
// its own row, reaches the other process in order and resolves only once written; a failed
// INSERT rejects its publishers and does not block the next ones.
import t from 'tap'
import { InvalidationLog, type RemoteInvalidation } from '../../core/cache/invalidation-log.js'
import { INVALIDATIONS_TABLE } from '../../core/cache/invalidation-table.js'
import { bootTestKernel } from '../helpers/boot.js'
import { eachDatabase } from '../helpers/each-database.js'

eachDatabase(t, 'concurrent publishes are grouped into few INSERTs, one row each', async (t, db) => {
  const kernel = await bootTestKernel(t, db)
  const knex = kernel.db.knex
  const seen: RemoteInvalidation[] = []
  const writer = new InvalidationLog(knex, () => {}, error => { throw error })
  const reader = new InvalidationLog(knex, change => { seen.push(change) }, error => { throw error })
  await writer.start()
  await reader.start()
  t.teardown(async () => { await writer.stop(); await reader.stop() })

  let inserts = 0
  const count = (query: { sql: string }) => { if (/^insert into [`"]?cms_cache_invalidations/i.test(query.sql)) inserts++ }
  knex.on('query', count)
  const before = await knex(INVALIDATIONS_TABLE).count({ n: '*' }) as Array<{ n: number | string }>
  await Promise.all(Array.from({ length: 30 }, (_, i) => writer.publish(['article', `article:${i}`])))
  knex.off('query', count)
  const after = await knex(INVALIDATIONS_TABLE).count({ n: '*' }) as Array<{ n: number | string }>
  t.equal(Number(after[0]?.n) - Number(before[0]?.n), 30, 'one row per publish')
  t.ok(inserts >= 1 && inserts <= 2, `30 publishes in ${inserts} INSERT statements`)

  await reader.pollOnce()
  t.strictSame(seen, Array.from({ length: 30 }, (_, i) => ({ kind: 'tags', tags: ['article', `article:${i}`] })), 'the other process applies every one, in order')
  seen.length = 0
  await writer.pollOnce()
  await writer.publish(['tag'])
  await reader.pollOnce()
  t.strictSame(seen, [{ kind: 'tags', tags: ['tag'] }], 'an idle publish goes out at once')
})

eachDatabase(t, 'a failed INSERT rejects its publishers; the next publish is written', async (t, db) => {
  const kernel = await bootTestKernel(t, db)
  const knex = kernel.db.knex
  const log = new InvalidationLog(knex, () => {}, error => { throw error })
  await log.start()
  t.teardown(() => log.stop())
  await knex.schema.renameTable(INVALIDATIONS_TABLE, 'cms_cache_invalidations_away')
  const failed = await Promise.allSettled([log.publish(['a']), log.publish(['b'])])
  await knex.schema.renameTable('cms_cache_invalidations_away', INVALIDATIONS_TABLE)
  t.strictSame(failed.map(r => r.status), ['rejected', 'rejected'], 'both publishers learn of the failure')
  await log.publish(['c'])
  const rows = await knex(INVALIDATIONS_TABLE).where('origin', log.origin).select('tags') as Array<{ tags: string }>
  t.strictSame(rows.map(r => r.tags), ['c'], 'the next publish is written')
})
