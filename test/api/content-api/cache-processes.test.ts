// Several processes on one database: a write through one process reaches the response cache of
// another within a second (the invalidation log), and `cms cache:clear` empties every process's.
import t from 'tap'
import { cacheService } from '../../../core/cache/cache-service.js'
import { cacheClearCommand } from '../../../core/cli/commands/cache-clear.js'
import { UsageError } from '../../../core/cli/usage-error.js'
import { bootTestKernel } from '../../helpers/boot.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootApi, type ApiSite } from './helpers.js'
import { seedBlog } from './seed.js'

/** Reads until the answer is no longer served from the cache; returns how long that took. */
async function untilMiss (site: ApiSite, url: string, limitMs: number): Promise<number> {
  const start = Date.now()
  while (Date.now() - start < limitMs) {
    const response = await site.get(url)
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
    if (response.headers['x-cache'] === 'MISS') return Date.now() - start
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  return Infinity
}

eachDatabase(t, 'cache across processes', async (t, db) => {
  const writer = await bootApi(t, db)
  const reader = await bootApi(t, db)
  const ids = await seedBlog(writer.kernel)
  const url = `/jsonapi/article/${ids.a1}`

  t.test('a write in one process reaches the other within a second', async t => {
    await reader.get(url)
    t.equal((await reader.get(url)).headers['x-cache'], 'HIT', 'the reader has it cached')
    const patched = await writer.admin('PATCH', `/admin/api/content/article/${ids.a1}`, { data: { type: 'article', id: ids.a1, attributes: { title: 'Changed elsewhere' } } })
    t.equal(patched.statusCode, 200)
    const elapsed = await untilMiss(reader, url, 1500)
    t.ok(elapsed <= 1000, `purged in the reader after ${elapsed} ms`)
    t.equal((await reader.get(url)).json<{ data: { attributes: { title: string } } }>().data.attributes.title, 'Changed elsewhere')
    t.equal((await writer.get(`/jsonapi/tag/${ids.news}`)).headers['x-cache'], 'MISS')
    t.equal((await writer.get(`/jsonapi/tag/${ids.news}`)).headers['x-cache'], 'HIT', 'unrelated entries are kept')
  })

  t.test('cms cache:clear empties every process', async t => {
    for (const site of [writer, reader]) {
      await site.get('/jsonapi/tag')
      const again = await site.get('/jsonapi/tag')
      t.equal(again.headers['x-cache'], 'HIT', `cached (${again.statusCode} ${again.body.slice(0, 300)})`)
    }
    const cli = await bootTestKernel(t, db, { site: { modules: ['blog'] } })
    const out: string[] = []
    const code = await cacheClearCommand.run({ kernel: cli, values: {}, positionals: [], rootDir: '.', stdout: line => { out.push(line) }, stderr: () => {} })
    t.equal(code, 0)
    t.match(out.join('\n'), /Cache cleared/)
    for (const site of [writer, reader]) t.ok(await untilMiss(site, '/jsonapi/tag', 1500) <= 1000, 'dropped within a second')
    await t.rejects(cacheClearCommand.run({ kernel: cli, values: {}, positionals: ['x'], rootDir: '.', stdout: () => {}, stderr: () => {} }), UsageError)
  })

  t.test('a process skips its own invalidations', async t => {
    const url = `/jsonapi/author/${ids.ada}`
    await writer.admin('PATCH', `/admin/api/content/author/${ids.ada}`, { data: { type: 'author', id: ids.ada, attributes: { bio: '<p>New.</p>' } } })
    t.equal((await writer.get(url)).headers['x-cache'], 'MISS', 'purged locally at once')
    t.equal((await writer.get(url)).headers['x-cache'], 'HIT', 'cached again')
    await cacheService(writer.kernel).log?.pollOnce()
    t.equal((await writer.get(url)).headers['x-cache'], 'HIT', 'its own log row does not purge it a second time')
  })
})
