// /admin/api/users: list, create (201), read, change, delete (204). Permission `administer users`.
// The operations enforce the rules (no own roles/status, no self-deletion, unique emails).
import type { FastifyInstance } from 'fastify'
import { createUser, type CreateUserInput } from '../../access/users/create-user.js'
import { deleteUser } from '../../access/users/delete-user.js'
import { updateUser, type UpdateUserInput } from '../../access/users/update-user.js'
import { getUser, listUsers } from '../../access/users/user-queries.js'
import { USER_STATUSES } from '../../access/tables.js'
import type { Kernel } from '../../kernel/kernel.js'
import { bodyValidator } from '../body-validator.js'
import { requirePermission } from '../auth/admin-guard.js'
import { idParam, readPage, readQuery } from './admin-helpers.js'

const PERMISSION = 'administer users'

const fields = {
  email: { type: 'string', minLength: 3, maxLength: 254 },
  password: { type: 'string', minLength: 1, maxLength: 1024 },
  displayName: { type: 'string', minLength: 1, maxLength: 255 },
  status: { enum: [...USER_STATUSES] },
  roles: { type: 'array', maxItems: 64, items: { type: 'string', minLength: 1, maxLength: 32 } }
}

const parseCreate = bodyValidator<CreateUserInput>({ type: 'object', additionalProperties: false, required: ['email', 'password'], properties: fields })
const parseUpdate = bodyValidator<UpdateUserInput>({ type: 'object', additionalProperties: false, minProperties: 1, properties: fields })

export function usersRoutes (app: FastifyInstance, kernel: Kernel): void {
  const { knex } = kernel.db

  app.get('/admin/api/users', async request => {
    requirePermission(request, PERMISSION)
    const page = readPage(request)
    const { users, total } = await listUsers(knex, page)
    return { data: users, meta: { total, ...page } }
  })

  app.post('/admin/api/users', async (request, reply) => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    const user = await createUser(knex, request.actor, parseCreate(request.body))
    return reply.code(201).send({ data: user })
  })

  app.get('/admin/api/users/:id', async request => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    return { data: await getUser(knex, idParam(request)) }
  })

  app.patch('/admin/api/users/:id', async request => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    return { data: await updateUser(knex, request.actor, idParam(request), parseUpdate(request.body)) }
  })

  app.delete('/admin/api/users/:id', async (request, reply) => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    await deleteUser(knex, request.actor, idParam(request))
    return reply.code(204).send()
  })
}
