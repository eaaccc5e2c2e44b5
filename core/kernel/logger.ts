// The pino logger shared by the kernel and fastify: JSON lines, secrets redacted.
import { pino, type Logger } from 'pino'
import type { LogLevel } from '../settings/config-types.js'

/** Keys whose values never reach a log line, at any depth up to four levels. */
const SECRET_KEYS = [
  'authorization', 'cookie', 'x-api-key', 'password', 'newPassword', 'currentPassword',
  'token', 'accessToken', 'refreshToken', 'secret', 'jwtSecret'
]

export const REDACT_PATHS = SECRET_KEYS.flatMap(key => {
  const access = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`
  return [access.startsWith('.') ? key : access, `*${access}`, `*.*${access}`, `*.*.*${access}`]
})

export function createLogger (level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }
  return destination ? pino(options, destination) : pino(options)
}

export type { Logger }
