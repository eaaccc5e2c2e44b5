// Content API cache hits answered from an onRequest hook: after the caller is resolved and the
// request negotiated (a 401, a 400 for the query string or a 406 still wins), before the route
// parses its parameters. Serves what the early path (early-hit.ts) leaves to fastify: callers
// with credentials, HEAD, conditional requests (304).
import type { FastifyInstance } from 'fastify'
import type { Kernel } from '../../kernel/kernel.js'
import { isContentApiUrl } from './negotiation-hooks.js'
import { cachedAnswer, sendHit } from './respond.js'

export function installCacheLookup (app: FastifyInstance, kernel: Kernel): void {
  app.addHook('onRequest', (request, reply, done) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && isContentApiUrl(request.url)) {
      const hit = cachedAnswer(kernel, request)
      if (hit) {
        // Answered: the chain stops here (done is not called); onSend hooks still run.
        sendHit(request, reply, hit)
        return
      }
    }
    done()
  })
}
