// cms user:create --email E --password P [--role R]... [--name N]: creates a user. Roles may be
// repeated or comma-separated. Exit 2 for a wrong command line, 1 when the user cannot be created
// (duplicate email, unknown role, weak password).
import { SYSTEM } from '../../access/actor.js'
import { createUser } from '../../access/users/create-user.js'
import { isCmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CliCommand } from '../../kernel/module-types.js'
import { UsageError } from '../usage-error.js'

function text (value: unknown, option: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${option} is required`)
  return value
}

function roleList (value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.flatMap(v => String(v).split(',')).map(r => r.trim()).filter(r => r !== '')
}

export const userCreateCommand: CliCommand = {
  name: 'user:create',
  description: 'Create a user',
  usage: 'user:create --email <email> --password <password> [--role <role>]... [--name <display name>]',
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string', multiple: true },
    name: { type: 'string' }
  },
  needs: 'kernel',
  async run ({ values, positionals, kernel, stdout, stderr }) {
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0] ?? ''}"`)
    const email = text(values.email, 'email')
    const password = text(values.password, 'password')
    const roles = roleList(values.role)
    const name = typeof values.name === 'string' && values.name !== '' ? values.name : undefined
    try {
      const user = await createUser((kernel as Kernel).db.knex, SYSTEM, { email, password, roles, ...(name ? { displayName: name } : {}) })
      stdout(`Created user ${user.email} (${user.id})${user.roles.length > 0 ? ` with roles ${user.roles.join(', ')}` : ''}.`)
      return 0
    } catch (error) {
      if (!isCmsError(error)) throw error
      for (const item of error.items) stderr(`cms user:create: ${item.detail}`)
      return 1
    }
  }
}
