// Opaque secrets (refresh tokens, API tokens): random, recognisable by prefix, stored as SHA-256.
import { createHash, randomBytes } from 'node:crypto'

/** API tokens start with this; a Bearer value with it is never parsed as a JWT. */
export const API_TOKEN_PREFIX = 'cms_'
export const REFRESH_TOKEN_PREFIX = 'cmsr_'

export function newSecret (prefix: string): string {
  return prefix + randomBytes(32).toString('base64url')
}

export function sha256Hex (value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

/** A shape check before any lookup: prefix plus 43 base64url characters. */
export function looksLikeSecret (value: string, prefix: string): boolean {
  return value.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(prefix.length))
}
