// Access-token attacks, crafted with node:crypto HMAC: each must be a 401, never a 500 and never
// an anonymous fall-back. A correctly crafted token is accepted, so the crafting itself is sound.
import { createHmac } from 'node:crypto'
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { TEST_SECRET } from '../../helpers/boot.js'
import { bootIdentity } from './helpers.js'

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

function craft (header: Record<string, unknown>, payload: Record<string, unknown>, secret = TEST_SECRET, hash = 'sha256'): string {
  const input = `${b64(header)}.${b64(payload)}`
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`
}

eachDatabase(t, 'every forged or broken access token is a 401', async (t, db) => {
  const { app, login, as } = await bootIdentity(t, db)
  const { accessToken } = await login()
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>
  const now = Math.floor(Date.now() / 1000)
  const good = { sub: claims.sub, sid: claims.sid, jti: 'crafted', iat: now, exp: now + 300 }
  const hs256 = { alg: 'HS256', typ: 'JWT' }

  const control = await as(craft(hs256, good), { method: 'GET', url: '/admin/api/auth/me' })
  t.equal(control.statusCode, 200, 'a correctly crafted token is accepted')

  const attacks: Record<string, string> = {
    garbage: 'not-a-jwt-at-all',
    'two segments': `${b64(hs256)}.${b64(good)}`,
    'non-JSON segments': 'abc.def.ghi',
    'empty signature': `${b64(hs256)}.${b64(good)}.`,
    expired: craft(hs256, { ...good, iat: now - 600, exp: now - 300 }),
    'wrong secret': craft(hs256, good, 'another-secret-another-secret-another-secret'),
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(good)}.`,
    'alg none with signature': craft({ alg: 'none', typ: 'JWT' }, good),
    'HS512 with the right secret': craft({ alg: 'HS512', typ: 'JWT' }, good, TEST_SECRET, 'sha512'),
    'future nbf': craft(hs256, { ...good, nbf: now + 3600 }),
    'unknown crit header': craft({ ...hs256, crit: ['x-unknown'], 'x-unknown': true }, good),
    'missing exp': craft(hs256, { sub: good.sub, sid: good.sid, jti: 'no-exp', iat: now }),
    'missing sid': craft(hs256, { sub: good.sub, jti: 'no-sid', iat: now, exp: now + 300 }),
    'unknown session': craft(hs256, { ...good, sid: '00000000-0000-7000-8000-000000000000' }),
    'tampered payload': `${accessToken.split('.')[0] ?? ''}.${b64({ ...claims, sub: 'someone-else' })}.${accessToken.split('.')[2] ?? ''}`
  }
  for (const [name, token] of Object.entries(attacks)) {
    const response = await as(token, { method: 'GET', url: '/admin/api/auth/me' })
    t.equal(response.statusCode, 401, name)
    t.equal(response.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'UNAUTHORIZED', `${name}: coded error`)
    t.equal(response.headers['www-authenticate'], 'Bearer', `${name}: challenge header`)
  }

  const health = await as('not-a-jwt-at-all', { method: 'GET', url: '/health' })
  t.equal(health.statusCode, 401, 'a bad credential is refused even where anonymous may go')
  const scheme = await app.inject({ method: 'GET', url: '/admin/api/auth/me', headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } })
  t.equal(scheme.statusCode, 401, 'another scheme is refused')
})
