// POST /admin/api/auth/password {currentPassword, newPassword}: changes the caller's own password
// and revokes the caller's other sessions (the current one keeps working).
import type { FastifyInstance } from 'fastify'
import { hashPassword, verifyPassword } from '../../access/password.js'
import { revokeUserSessions } from '../../access/sessions/revoke-sessions.js'
import { TABLES } from '../../access/tables.js'
import { assertPassword } from '../../access/users/user-guards.js'
import { findUserRow } from '../../access/users/user-queries.js'
import { nowDb } from '../../db/dates.js'
import { validationError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import { bodyValidator } from '../body-validator.js'
import { requireSession } from './admin-guard.js'
import { authRouteRateLimit } from './login-route.js'
import { unauthorized } from './request-actor.js'

const parseBody = bodyValidator<{ currentPassword: string, newPassword: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: {
    currentPassword: { type: 'string', minLength: 1, maxLength: 1024 },
    newPassword: { type: 'string', minLength: 1, maxLength: 1024 }
  }
})

export function passwordRoute (app: FastifyInstance, kernel: Kernel): void {
  app.post('/admin/api/auth/password', { config: { rateLimit: authRouteRateLimit(kernel) } }, async (request, reply) => {
    const sessionId = requireSession(request)
    const body = parseBody(request.body)
    const { knex } = kernel.db
    const userId = request.actor.userId ?? ''
    const row = await findUserRow(knex, userId)
    if (!row) throw unauthorized('The account no longer exists')
    if (!(await verifyPassword(body.currentPassword, row.password_hash))) {
      throw validationError([{ pointer: '/currentPassword', detail: 'The current password is not correct' }])
    }
    assertPassword(body.newPassword, '/newPassword')
    const passwordHash = await hashPassword(body.newPassword)
    await knex.transaction(async trx => {
      await trx(TABLES.users).where({ id: userId }).update({ password_hash: passwordHash, changed_at: nowDb() })
      await revokeUserSessions(trx, userId, sessionId)
    })
    return reply.code(204).send()
  })
}
