// /admin/api/roles: list, create (201), read, change, delete (204). Permission `administer roles`.
// Permissions are set as a whole list; unknown names are 422; built-in roles cannot be deleted.
import type { FastifyInstance } from 'fastify'
import { permissionNames } from '../../access/permission-catalogue.js'
import { createRole, type CreateRoleInput } from '../../access/roles/create-role.js'
import { deleteRole } from '../../access/roles/delete-role.js'
import { getRole, listRoles } from '../../access/roles/role-queries.js'
import { updateRole, type UpdateRoleInput } from '../../access/roles/update-role.js'
import { ROLE_ID_PATTERN } from '../../access/tables.js'
import type { Kernel } from '../../kernel/kernel.js'
import { bodyValidator } from '../body-validator.js'
import { requirePermission } from '../auth/admin-guard.js'
import { idParam, readQuery } from './admin-helpers.js'

const PERMISSION = 'administer roles'

const fields = {
  label: { type: 'string', minLength: 1, maxLength: 128 },
  isAdmin: { type: 'boolean' },
  weight: { type: 'integer', minimum: -1_000_000, maximum: 1_000_000 },
  permissions: { type: 'array', maxItems: 5000, items: { type: 'string', minLength: 1, maxLength: 191 } }
}

const parseCreate = bodyValidator<CreateRoleInput>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label'],
  properties: { id: { type: 'string', pattern: ROLE_ID_PATTERN }, ...fields }
})
const parseUpdate = bodyValidator<UpdateRoleInput>({ type: 'object', additionalProperties: false, minProperties: 1, properties: fields })

export function rolesRoutes (app: FastifyInstance, kernel: Kernel): void {
  const { knex } = kernel.db

  app.get('/admin/api/roles', async request => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    return { data: await listRoles(knex) }
  })

  app.post('/admin/api/roles', async (request, reply) => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    const role = await createRole(knex, request.actor, permissionNames(kernel), parseCreate(request.body))
    return reply.code(201).send({ data: role })
  })

  app.get('/admin/api/roles/:id', async request => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    return { data: await getRole(knex, idParam(request)) }
  })

  app.patch('/admin/api/roles/:id', async request => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    return { data: await updateRole(knex, request.actor, permissionNames(kernel), idParam(request), parseUpdate(request.body)) }
  })

  app.delete('/admin/api/roles/:id', async (request, reply) => {
    requirePermission(request, PERMISSION)
    readQuery(request, [])
    await deleteRole(knex, request.actor, idParam(request))
    return reply.code(204).send()
  })
}
