// /admin/api/tokens: list, create (201; the plain token is in this response only), read, revoke
// (DELETE, 204). Permission `administer users`.
import type { FastifyInstance } from 'fastify'
import { createToken, type CreateTokenInput } from '../../access/tokens/create-token.js'
import { revokeToken } from '../../access/tokens/revoke-token.js'
import { getToken, listTokens } from '../../access/tokens/token-queries.js'
import type { Kernel } from '../../kernel/kernel.js'
import { bodyValidator } from '../body-validator.js'
import { requirePermission } from '../auth/admin-guard.js'
import { idParam, readQuery } from './admin-helpers.js'

const PERMISSION = 'administer users'

const parseCreate = bodyValidator<CreateTokenInput>({
  type: 'object',
  additionalProperties: false,
  required: ['name', 'role'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 128 },
    role: { type: 'string', minLength: 1, maxLength: 32 },
    expires: { type: 'string', format: 'date-time' },
    userId: { type: 'string', minLength: 1, maxLength: 36 }
  }
})

export function tokensRoutes (app: FastifyInstance, kernel: Kernel): void {
  const { knex } = kernel.db

  app.get('/admin/api/tokens', async request => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    return { data: await listTokens(knex) }
  })

  app.post('/admin/api/tokens', async (request, reply) => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    const token = await createToken(knex, request.actor, parseCreate(request.body))
    void reply.header('cache-control', 'no-store')
    return reply.code(201).send({ data: token })
  })

  app.get('/admin/api/tokens/:id', async request => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    return { data: await getToken(knex, idParam(request)) }
  })

  app.delete('/admin/api/tokens/:id', async (request, reply) => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    await revokeToken(knex, request.actor, idParam(request))
    return reply.code(204).send()
  })
}
