// Kernel tables: which modules are enabled, content types created at runtime, scheduled job runs.
import type { Migration } from '../core/db/migrator.js'
import { ensureTable } from '../core/db/schema-helpers.js'

export const kernelTables: Migration = {
  name: '001-kernel',
  async up ({ knex }) {
    await ensureTable(knex, 'cms_modules', t => {
      t.string('name', 64).primary()
      t.string('version', 32).notNullable()
      t.boolean('enabled').notNullable()
      t.datetime('changed_at', { precision: 3 }).notNullable()
    })
    await ensureTable(knex, 'cms_content_types', t => {
      t.string('id', 32).primary()
      t.string('module', 64).nullable()
      t.text('definition', 'longtext').notNullable()
      t.text('applied', 'longtext').nullable()
      t.datetime('changed_at', { precision: 3 }).notNullable()
    })
    await ensureTable(knex, 'cms_job_runs', t => {
      t.string('name', 128).primary()
      t.datetime('last_run_at', { precision: 3 }).nullable()
      t.datetime('last_success_at', { precision: 3 }).nullable()
      t.text('last_error').nullable()
    })
  }
}
