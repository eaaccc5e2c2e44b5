// Access tokens: HS256 JWTs through @fastify/jwt, the algorithm pinned on sign and verify, and
// `exp`, `sub`, `sid`, `jti` required. Every verification failure is `undefined` (→ 401), never a
// throw: a strict header check runs first (alg HS256, no crit, no unknown header members).
import { randomUUID } from 'node:crypto'
import fastifyJwt from '@fastify/jwt'
import type { FastifyInstance } from 'fastify'
import type { Kernel } from '../../kernel/kernel.js'

export interface AccessClaims { sub: string, sid: string, jti: string, exp: number }

const ALGORITHM = 'HS256'
const SEGMENT = /^[A-Za-z0-9_-]+$/
const ALLOWED_HEADER = new Set(['alg', 'typ'])

export async function registerJwt (app: FastifyInstance, kernel: Kernel): Promise<void> {
  await app.register(fastifyJwt, {
    secret: kernel.config.auth.jwtSecret,
    sign: { algorithm: ALGORITHM, expiresIn: kernel.config.auth.accessTokenTtl },
    verify: { algorithms: [ALGORITHM], requiredClaims: ['exp', 'sub', 'sid', 'jti'] },
    decode: { complete: false }
  })
}

export function signAccessToken (app: FastifyInstance, userId: string, sessionId: string): string {
  return app.jwt.sign({ sub: userId, sid: sessionId, jti: randomUUID() })
}

function headerIsStrict (segment: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return false
    const record = header as Record<string, unknown>
    if (record.alg !== ALGORITHM) return false
    if (record.typ !== undefined && record.typ !== 'JWT') return false
    return Object.keys(record).every(key => ALLOWED_HEADER.has(key))
  } catch {
    return false
  }
}

/** The claims of a valid, unexpired access token signed by us; undefined otherwise. */
export function verifyAccessToken (app: FastifyInstance, token: string): AccessClaims | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts.every(p => SEGMENT.test(p)) || !headerIsStrict(parts[0] ?? '')) return undefined
  let payload: unknown
  try {
    payload = app.jwt.verify(token)
  } catch {
    return undefined
  }
  if (typeof payload !== 'object' || payload === null) return undefined
  const { sub, sid, jti, exp } = payload as Record<string, unknown>
  if (typeof sub !== 'string' || typeof sid !== 'string' || typeof jti !== 'string' || typeof exp !== 'number') return undefined
  if (exp * 1000 <= Date.now()) return undefined
  return { sub, sid, jti, exp }
}
