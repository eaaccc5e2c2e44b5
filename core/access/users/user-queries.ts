// Reading users: the public shape (never the password hash) with their stored roles.
import type { Knex } from 'knex'
import { fromDbDateTime } from '../../db/dates.js'
import { CmsError } from '../../errors/cms-error.js'
import { TABLES, type UserStatus } from '../tables.js'

export interface UserRow {
  id: string
  email: string
  display_name: string
  password_hash: string
  status: UserStatus
  created_at: unknown
  changed_at: unknown
}

export interface User {
  id: string
  email: string
  displayName: string
  status: UserStatus
  roles: string[]
  created: string | null
  changed: string | null
}

const PUBLIC_COLUMNS = ['id', 'email', 'display_name', 'status', 'created_at', 'changed_at']

export function toUser (row: Omit<UserRow, 'password_hash'>, roles: string[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    roles,
    created: fromDbDateTime(row.created_at),
    changed: fromDbDateTime(row.changed_at)
  }
}

export async function rolesOfUsers (knex: Knex, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  if (userIds.length === 0) return map
  const rows = await knex(TABLES.userRoles).whereIn('user_id', userIds).orderBy('role_id').select('user_id', 'role_id') as Array<{ user_id: string, role_id: string }>
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.role_id])
  return map
}

export async function findUserRow (knex: Knex, id: string): Promise<UserRow | undefined> {
  return await knex(TABLES.users).where({ id }).first() as UserRow | undefined
}

/** The user or a 404. */
export async function getUser (knex: Knex, id: string): Promise<User> {
  const row = await knex(TABLES.users).where({ id }).first(PUBLIC_COLUMNS) as UserRow | undefined
  if (!row) throw new CmsError('NOT_FOUND', `No user with id ${id}`)
  return toUser(row, (await rolesOfUsers(knex, [row.id])).get(row.id) ?? [])
}

export interface UserListOptions { limit: number, offset: number }

/** A page of users ordered by email, with the total count. */
export async function listUsers (knex: Knex, { limit, offset }: UserListOptions): Promise<{ users: User[], total: number }> {
  const rows = await knex(TABLES.users).select(PUBLIC_COLUMNS).orderBy('email').limit(limit).offset(offset) as UserRow[]
  const [count] = await knex(TABLES.users).count({ n: '*' }) as Array<{ n: number | string }>
  const roles = await rolesOfUsers(knex, rows.map(r => r.id))
  return { users: rows.map(row => toUser(row, roles.get(row.id) ?? [])), total: Number(count?.n ?? 0) }
}

export async function emailTaken (knex: Knex, email: string, exceptId?: string): Promise<boolean> {
  const query = knex(TABLES.users).where({ email })
  if (exceptId !== undefined) void query.whereNot({ id: exceptId })
  return (await query.first('id')) !== undefined
}

/** Emails are compared and stored lowercased. */
export function normaliseEmail (email: string): string {
  return email.toLowerCase()
}
