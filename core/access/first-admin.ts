// The first administrator, created when no user exists: from config.admin (CMS_ADMIN_EMAIL,
// CMS_ADMIN_PASSWORD), else admin@example.com with a random password printed once. Never a fixed
// default password. Runs under a lock so that two processes booting together create one.
import { withLock } from '../db/lock.js'
import { isCmsError } from '../errors/cms-error.js'
import type { Kernel } from '../kernel/kernel.js'
import { SYSTEM } from './actor.js'
import { randomPassword } from './password.js'
import { TABLES } from './tables.js'
import { createUser } from './users/create-user.js'

export const DEFAULT_ADMIN_EMAIL = 'admin@example.com'

function announce (email: string, password: string): string {
  const rule = '='.repeat(72)
  return [
    '', rule,
    '  First administrator created. This password is shown ONCE and never stored in plain text:',
    `    email:    ${email}`,
    `    password: ${password}`,
    '  Change it after logging in (POST /admin/api/auth/password), or set CMS_ADMIN_EMAIL and',
    '  CMS_ADMIN_PASSWORD before the first start to choose your own.',
    rule, ''
  ].join('\n')
}

/** Returns the email of the administrator it created, or undefined when users already exist. */
export async function ensureFirstAdministrator (kernel: Kernel, write: (text: string) => void = text => { process.stderr.write(text) }): Promise<string | undefined> {
  const { knex } = kernel.db
  // The usual boot: users exist, nothing to create, no lock needed (checked again under the lock).
  if (await knex(TABLES.users).first('id')) return undefined
  return withLock(kernel.db, 'cms_first_admin', 30, async () => {
    const existing = await knex(TABLES.users).first('id')
    if (existing) return undefined
    const email = kernel.config.admin.email || DEFAULT_ADMIN_EMAIL
    const generated = kernel.config.admin.password === ''
    const password = generated ? randomPassword() : kernel.config.admin.password
    try {
      await createUser(knex, SYSTEM, { email, password, displayName: 'Administrator', roles: ['administrator'] })
    } catch (error) {
      if (!isCmsError(error)) throw error
      const detail = error.items.map(i => `${i.source?.pointer ?? ''} ${i.detail}`.trim()).join('; ')
      throw new Error(`Cannot create the first administrator from admin.email/admin.password (CMS_ADMIN_EMAIL/CMS_ADMIN_PASSWORD): ${detail}`, { cause: error })
    }
    if (generated) write(announce(email, password))
    else kernel.logger.info({ email }, 'first administrator created from the configuration')
    return email
  })
}
