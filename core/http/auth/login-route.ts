// POST /admin/api/auth/login {email, password} → {accessToken, refreshToken, tokenType, expiresIn}.
// Failures answer one identical 401 and count per account and per client address (429 with
// Retry-After beyond config.auth.loginMaxAttempts per loginWindowMs); request.ip only honours
// X-Forwarded-For when config.server.trustProxy is set (fastify's trustProxy).
import type { FastifyInstance } from 'fastify'
import { prepareDummyPassword } from '../../access/password.js'
import { authenticate, openSession } from '../../access/sessions/login.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { bodyValidator } from '../body-validator.js'
import { signAccessToken } from './jwt.js'
import { accountKey, addressKey, LoginLimiter } from './login-limiter.js'

interface LoginBody { email: string, password: string }

const parseBody = bodyValidator<LoginBody>({
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', minLength: 1, maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 1024 }
  }
})

/** @fastify/rate-limit settings for the auth routes: a flood brake per address, above the failure limit. */
export function authRouteRateLimit (kernel: Kernel): { max: number, timeWindow: number } {
  return { max: kernel.config.auth.loginMaxAttempts * 10, timeWindow: kernel.config.auth.loginWindowMs }
}

export interface TokenPair { accessToken: string, refreshToken: string, tokenType: 'Bearer', expiresIn: number }

export function tokenPair (app: FastifyInstance, kernel: Kernel, userId: string, sessionId: string, refreshToken: string): TokenPair {
  return { accessToken: signAccessToken(app, userId, sessionId), refreshToken, tokenType: 'Bearer', expiresIn: kernel.config.auth.accessTokenTtl }
}

export function loginRoute (app: FastifyInstance, kernel: Kernel): void {
  void prepareDummyPassword()
  const limiter = new LoginLimiter(kernel.config.auth.loginMaxAttempts, kernel.config.auth.loginWindowMs)
  app.post('/admin/api/auth/login', { config: { rateLimit: authRouteRateLimit(kernel) } }, async (request, reply) => {
    const body = parseBody(request.body)
    const keys = [accountKey(body.email), addressKey(request.ip)]
    const wait = limiter.retryAfter(keys)
    if (wait > 0) throw new CmsError('RATE_LIMITED', 'Too many failed logins; try again later', { headers: { 'retry-after': String(wait) } })
    const user = await authenticate(kernel.db.knex, body.email, body.password)
    if (!user) {
      limiter.fail(keys)
      throw new CmsError('UNAUTHORIZED', 'Invalid email or password')
    }
    limiter.reset(accountKey(body.email))
    const session = await openSession(kernel.db.knex, user.id, kernel.config.auth.refreshTokenTtl)
    void reply.header('cache-control', 'no-store')
    return tokenPair(app, kernel, user.id, session.sessionId, session.refreshToken)
  })
}
