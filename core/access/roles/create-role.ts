// Operation: create a role with its permissions (each must exist). Only administrators create
// roles that hold every permission.
import type { Knex } from 'knex'
import { nowDb } from '../../db/dates.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Actor } from '../actor.js'
import { invalidateRoleCache } from '../role-cache.js'
import { TABLES } from '../tables.js'
import { isUniqueViolation } from '../unique-violation.js'
import { assertKnownPermissions, findRoleRow, getRole, writePermissions, type Role } from './role-queries.js'

export interface CreateRoleInput { id: string, label: string, isAdmin?: boolean, weight?: number, permissions?: string[] }

const exists = (id: string): CmsError => new CmsError('CONFLICT', `A role with id ${id} already exists`, { source: { pointer: '/id' } })

export async function createRole (knex: Knex, actor: Actor, known: ReadonlySet<string>, input: CreateRoleInput): Promise<Role> {
  const permissions = input.permissions ?? []
  assertKnownPermissions(permissions, known)
  if (input.isAdmin === true && !actor.isAdmin) throw new CmsError('FORBIDDEN', 'Only administrators create administrator roles', { source: { pointer: '/isAdmin' } })
  if (await findRoleRow(knex, input.id)) throw exists(input.id)
  const now = nowDb()
  let weight = input.weight
  if (weight === undefined) {
    const [max] = await knex(TABLES.roles).max({ w: 'weight' }) as Array<{ w: number | null }>
    weight = Number(max?.w ?? 0) + 1
  }
  try {
    await knex.transaction(async trx => {
      await trx(TABLES.roles).insert({ id: input.id, label: input.label, is_admin: input.isAdmin ?? false, weight, created_at: now, changed_at: now })
      await writePermissions(trx, input.id, permissions)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(input.id)
    throw error
  } finally {
    invalidateRoleCache(knex)
  }
  return getRole(knex, input.id)
}
