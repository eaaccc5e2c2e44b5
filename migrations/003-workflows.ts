// Workflows created at runtime, and scheduled moderation transitions.
import type { Migration } from '../core/db/migrator.js'
import { ensureTable } from '../core/db/schema-helpers.js'

export const workflowTables: Migration = {
  name: '003-workflows',
  async up ({ knex }) {
    await ensureTable(knex, 'cms_workflows', t => {
      t.string('id', 32).primary()
      t.text('definition').notNullable()
      t.datetime('changed_at', { precision: 3 }).notNullable()
    })
    await ensureTable(knex, 'cms_scheduled_transitions', t => {
      t.string('id', 36).primary()
      t.string('type', 32).notNullable()
      t.string('item_id', 36).notNullable()
      t.string('state', 32).notNullable()
      t.datetime('run_at', { precision: 3 }).notNullable()
      t.string('user_id', 36).nullable()
      // pending → running → done | failed; the pending → running UPDATE is the atomic claim.
      t.string('status', 16).notNullable()
      t.text('result').nullable()
      t.datetime('created', { precision: 3 }).notNullable()
      t.datetime('finished', { precision: 3 }).nullable()
      t.index(['status', 'run_at'], 'cms_sched_status_run_idx')
      t.index(['type', 'item_id'], 'cms_sched_item_idx')
    })
  }
}
