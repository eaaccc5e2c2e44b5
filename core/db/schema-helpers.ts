// Table creation that is idempotent and uses utf8mb4/InnoDB on MySQL.
import type { Knex } from 'knex'
import { MYSQL_COLLATION } from './connect.js'

/** Creates the table unless it exists (migrations must survive a half-finished earlier run). */
export async function ensureTable (knex: Knex, name: string, build: (t: Knex.CreateTableBuilder) => void): Promise<void> {
  if (await knex.schema.hasTable(name)) return
  await knex.schema.createTable(name, t => {
    build(t)
    if (knex.client.config.client === 'mysql2') {
      t.engine('InnoDB')
      t.charset('utf8mb4')
      t.collate(MYSQL_COLLATION)
    }
  })
}
