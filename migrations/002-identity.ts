// Identity tables: users, roles and their permissions, login sessions (refresh-token families) and
// API tokens. Every secret is stored as a SHA-256 hash; every step is idempotent (ensureTable).
import type { Migration } from '../core/db/migrator.js'
import { ensureTable } from '../core/db/schema-helpers.js'
import { TABLES } from '../core/access/tables.js'

export const identityTables: Migration = {
  name: '002-identity',
  async up ({ knex, dialect }) {
    await ensureTable(knex, TABLES.users, t => {
      t.string('id', 36).primary()
      // Stored lowercased; binary collation on MySQL so that 'é' and 'e' stay distinct addresses.
      const email = t.string('email', 254).notNullable().unique()
      if (dialect === 'mysql') email.collate('utf8mb4_bin')
      t.string('display_name', 255).notNullable()
      t.string('password_hash', 255).notNullable()
      t.string('status', 16).notNullable()
      t.datetime('created_at', { precision: 3 }).notNullable()
      t.datetime('changed_at', { precision: 3 }).notNullable()
    })
    await ensureTable(knex, TABLES.roles, t => {
      t.string('id', 32).primary()
      t.string('label', 128).notNullable()
      t.boolean('is_admin').notNullable()
      t.integer('weight').notNullable()
      t.datetime('created_at', { precision: 3 }).notNullable()
      t.datetime('changed_at', { precision: 3 }).notNullable()
    })
    await ensureTable(knex, TABLES.userRoles, t => {
      t.string('user_id', 36).notNullable().references('id').inTable(TABLES.users).onDelete('CASCADE')
      t.string('role_id', 32).notNullable().references('id').inTable(TABLES.roles).onDelete('CASCADE')
      t.primary(['user_id', 'role_id'])
      t.index(['role_id'])
    })
    await ensureTable(knex, TABLES.rolePermissions, t => {
      t.string('role_id', 32).notNullable().references('id').inTable(TABLES.roles).onDelete('CASCADE')
      t.string('permission', 191).notNullable()
      t.primary(['role_id', 'permission'])
      t.index(['permission'])
    })
    await ensureTable(knex, TABLES.sessions, t => {
      // One login = one session = one refresh-token family; its id is the access token's `sid`.
      t.string('id', 36).primary()
      t.string('user_id', 36).notNullable().references('id').inTable(TABLES.users).onDelete('CASCADE')
      t.datetime('created_at', { precision: 3 }).notNullable()
      t.datetime('revoked_at', { precision: 3 }).nullable()
      t.index(['user_id'])
    })
    await ensureTable(knex, TABLES.refreshTokens, t => {
      t.string('token_hash', 64).primary()
      t.string('family_id', 36).notNullable().references('id').inTable(TABLES.sessions).onDelete('CASCADE')
      t.datetime('created_at', { precision: 3 }).notNullable()
      t.datetime('expires_at', { precision: 3 }).notNullable()
      t.datetime('spent_at', { precision: 3 }).nullable()
      t.datetime('revoked_at', { precision: 3 }).nullable()
      t.index(['family_id'])
    })
    await ensureTable(knex, TABLES.apiTokens, t => {
      t.string('id', 36).primary()
      t.string('token_hash', 64).notNullable().unique()
      t.string('hint', 16).notNullable()
      t.string('name', 128).notNullable()
      t.string('role_id', 32).notNullable()
      t.string('user_id', 36).notNullable().references('id').inTable(TABLES.users).onDelete('CASCADE')
      t.datetime('created_at', { precision: 3 }).notNullable()
      t.datetime('expires_at', { precision: 3 }).nullable()
      t.datetime('revoked_at', { precision: 3 }).nullable()
      t.datetime('last_used_at', { precision: 3 }).nullable()
      t.index(['user_id'])
      t.index(['role_id'])
    })
  }
}
