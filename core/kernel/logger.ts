// The pino logger shared by the kernel and fastify: JSON lines, secrets redacted.
import { pino, type Logger } from 'pino'
import type { LogLevel } from '../settings/config-types.js'

export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]',
  'headers.authorization', 'password', '*.password', '*.newPassword', '*.currentPassword',
  'token', '*.token', '*.accessToken', '*.refreshToken', '*.secret', '*.jwtSecret'
]

export function createLogger (level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }
  return destination ? pino(options, destination) : pino(options)
}

export type { Logger }
