// The table that carries cache invalidations between processes serving one database: each
// committed write appends its tags; every process polls for rows written by the others.
import type { Migration } from '../db/migrator.js'
import { ensureTable } from '../db/schema-helpers.js'

export const INVALIDATIONS_TABLE = 'cms_cache_invalidations'

/** Tags value of a row that empties every cache (cms cache:clear). */
export const CLEAR_ALL = '*'

/** Applied by the cache boot phase (owner "core"), not by the numbered core migrations. */
export const invalidationsMigration: Migration = {
  name: 'cache-001-invalidations',
  async up ({ knex }) {
    await ensureTable(knex, INVALIDATIONS_TABLE, t => {
      t.bigIncrements('id')
      // The writing process: it purged its own cache already and skips its rows.
      t.string('origin', 36).notNullable()
      t.text('tags').notNullable()
      t.datetime('created_at', { precision: 3 }).notNullable()
      t.index(['created_at'])
    })
  }
}
