// Password hashing with scrypt (node:crypto): random salt, parameters encoded in the hash so they
// can be raised later, timing-safe comparison, and a dummy check for unknown accounts.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 1024

const PARAMS = { N: 16384, r: 8, p: 1 } as const
const KEY_LENGTH = 64
const SALT_BYTES = 16
const PREFIX = 'scrypt'

function derive (password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword (password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, PARAMS, KEY_LENGTH)
  return [PREFIX, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

interface Parsed { N: number, r: number, p: number, salt: Buffer, key: Buffer }

function parse (encoded: string): Parsed | undefined {
  const parts = encoded.split('$')
  if (parts.length !== 6 || parts[0] !== PREFIX) return undefined
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  const salt = Buffer.from(parts[4] ?? '', 'base64url')
  const key = Buffer.from(parts[5] ?? '', 'base64url')
  const sane = Number.isInteger(N) && N >= 1024 && N <= 2 ** 20 && (N & (N - 1)) === 0 &&
    Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16
  if (!sane || salt.length < 8 || key.length < 32) return undefined
  return { N, r, p, salt, key }
}

/** True when the password matches; a malformed hash never matches. */
export async function verifyPassword (password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded)
  if (!parsed) return false
  const key = await derive(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p }, parsed.key.length)
  return timingSafeEqual(key, parsed.key)
}

let dummy: Promise<string> | undefined

/** Computes the dummy hash ahead of the first login, so that even that one is not slower. */
export function prepareDummyPassword (): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64url'))
  return dummy
}

/** Spends the same work as a real check, for accounts that do not exist; always false. */
export async function verifyDummyPassword (password: string): Promise<false> {
  await verifyPassword(password, await prepareDummyPassword())
  return false
}

/** A violation of the password policy, or undefined. */
export function passwordProblem (password: string): string | undefined {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`
  return undefined
}

/** A random password that satisfies the policy (first administrator). */
export function randomPassword (): string {
  return randomBytes(18).toString('base64url')
}
