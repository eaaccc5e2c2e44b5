// The response cache on its own: LRU bound, purge by tag, and the rule that keeps a render that
// raced with a write (started before the purge, finished after) from being stored.
import t from 'tap'
import { ResponseCache, type CachedResponse } from '../../../core/cache/response-cache.js'
import { ifNoneMatchHits, strongEtag } from '../../../core/cache/etag.js'
import { accessKey } from '../../../core/cache/access-key.js'
import { HookBus } from '../../../core/hooks/hook-bus.js'
import { Registries } from '../../../core/registry/registries.js'
import type { Actor } from '../../../core/access/actor.js'

const entry = (tags: string[], body = 'x'): CachedResponse => ({ body: Buffer.from(body), etag: strongEtag(body), tags, isCurrent: () => true })

t.test('purge by tag drops exactly the tagged responses', async t => {
  const cache = new ResponseCache(10)
  cache.set('list', entry(['article', 'article:1', 'tag:7']), cache.mark())
  cache.set('item', entry(['article:2']), cache.mark())
  cache.set('tags', entry(['tag']), cache.mark())
  t.equal(cache.purge(['tag:7']), 1)
  t.notOk(cache.get('list'))
  t.ok(cache.get('item'))
  t.ok(cache.get('tags'))
  cache.clear()
  t.equal(cache.size, 0)
})

t.test('a render that started before a purge of one of its tags is not stored', async t => {
  const cache = new ResponseCache(10)
  const mark = cache.mark()
  cache.purge(['article:1'])
  t.notOk(cache.set('late', entry(['article', 'article:1']), mark), 'refused: it may hold pre-commit rows')
  t.ok(cache.set('unrelated', entry(['tag:3']), mark), 'other tags are fine')
  t.ok(cache.set('fresh', entry(['article:1']), cache.mark()), 'a render started after the purge is stored')
  const beforeClear = cache.mark()
  cache.clear()
  t.notOk(cache.set('any', entry(['tag:3']), beforeClear), 'nothing from before a clear')
})

t.test('LRU bound, stale definitions, oversized bodies', async t => {
  const cache = new ResponseCache(2)
  cache.set('a', entry(['t']), cache.mark())
  cache.set('b', entry(['t']), cache.mark())
  cache.get('a')
  cache.set('c', entry(['t']), cache.mark())
  t.ok(cache.get('a'))
  t.notOk(cache.get('b'), 'least recently used evicted')
  let current = true
  cache.set('d', { ...entry(['t']), isCurrent: () => current }, cache.mark())
  current = false
  t.notOk(cache.get('d'), 'an entry whose type definition changed is dropped')
  t.notOk(cache.set('big', entry(['t'], 'x'.repeat(2 * 1024 * 1024)), cache.mark()), 'bodies over 1 MB are not kept')
  t.notOk(new ResponseCache(0).set('a', entry(['t']), 0), 'maxEntries 0 disables the cache')
})

t.test('If-None-Match and access keys', async t => {
  const etag = strongEtag('body')
  t.ok(ifNoneMatchHits(etag, etag))
  t.ok(ifNoneMatchHits(`W/${etag}`, etag))
  t.ok(ifNoneMatchHits(`"a", ${etag}`, etag))
  t.ok(ifNoneMatchHits('*', etag))
  t.notOk(ifNoneMatchHits('"a"', etag))
  t.notOk(ifNoneMatchHits(undefined, etag))
  const hooks = new HookBus()
  hooks.freeze([])
  const registries = new Registries()
  const kernel = { hooks, registries }
  const actor = (permissions: string[], userId: string | null = 'u1'): Actor => ({ kind: 'user', userId, roles: [], permissions: new Set(permissions), isAdmin: false })
  t.equal(accessKey(actor(['access content', 'b']), kernel), accessKey(actor(['b', 'access content'], 'u2'), kernel), 'same permissions share, whoever the user')
  t.not(accessKey(actor(['access content']), kernel), accessKey(actor(['access content', 'view unpublished article content']), kernel))
  t.not(accessKey(actor(['edit own article content']), kernel), accessKey(actor(['edit own article content'], 'u2'), kernel), 'own-content rules make the key personal')
  registries.rowRules.add('m', () => undefined)
  t.not(accessKey(actor(['access content']), kernel), accessKey(actor(['access content'], 'u2'), kernel), 'so do module row rules')
  t.equal(accessKey(actor(['access content'], null), kernel), accessKey({ ...actor(['access content'], null), kind: 'anonymous' }, kernel), 'anonymous callers share')
})
