// POST /admin/api/auth/refresh {refreshToken} → a new token pair; the presented token is spent,
// and presenting a spent one again revokes its whole family (401 either way).
import type { FastifyInstance } from 'fastify'
import { rotateRefreshToken } from '../../access/sessions/refresh.js'
import type { Kernel } from '../../kernel/kernel.js'
import { bodyValidator } from '../body-validator.js'
import { authRouteRateLimit, tokenPair } from './login-route.js'
import { unauthorized } from './request-actor.js'

const parseBody = bodyValidator<{ refreshToken: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['refreshToken'],
  properties: { refreshToken: { type: 'string', minLength: 1, maxLength: 256 } }
})

export function refreshRoute (app: FastifyInstance, kernel: Kernel): void {
  app.post('/admin/api/auth/refresh', { config: { rateLimit: authRouteRateLimit(kernel) } }, async (request, reply) => {
    const { refreshToken } = parseBody(request.body)
    const rotated = await rotateRefreshToken(kernel.db.knex, refreshToken, kernel.config.auth.refreshTokenTtl)
    if (!rotated) throw unauthorized('The refresh token is invalid, expired, spent or revoked')
    void reply.header('cache-control', 'no-store')
    return tokenPair(app, kernel, rotated.userId, rotated.sessionId, rotated.refreshToken)
  })
}
