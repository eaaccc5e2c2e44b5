// What the scenarios need from the seeded database: ids to rotate through, authors for the
// created articles, the row just before the deep page (to build its cursor), the database version.
import { connectDatabase, type Database } from '../core/db/connect.js'
import type { BenchOptions } from './options.js'
import { removeBenchWrites } from './seed.js'

export interface Fixtures {
  publishedCount: number
  /** Published article ids, in random order, for the one-item scenario. */
  itemIds: string[]
  authorIds: string[]
  /** The deep page starts at this offset of the published list (90%). */
  deepOffset: number
  /** The sort values (created as the database returns it, id) of the row before the deep page. */
  deepAfter: [unknown, string]
  /** The id of the first article of the deep page. */
  deepFirstId: string
  dbVersion: string
}

export function openDatabase (options: BenchOptions): Database {
  return connectDatabase({ url: options.db, poolMax: 2 })
}

export async function loadFixtures (options: BenchOptions): Promise<Fixtures> {
  const db = openDatabase(options)
  try {
    const { knex, dialect } = db
    const [count] = await knex('ct_article').where('status', true).count({ n: '*' }) as Array<{ n: number | string }>
    const publishedCount = Number(count?.n ?? 0)
    const random = dialect === 'mysql' ? 'RAND()' : 'random()'
    const itemIds = await knex('ct_article').where('status', true).orderByRaw(random).limit(2000).pluck('id') as string[]
    const authorIds = await knex('ct_author').where('status', true).pluck('id') as string[]
    const deepOffset = Math.floor(publishedCount * 0.9)
    const [before, at] = await knex('ct_article').where('status', true).orderBy([{ column: 'created', order: 'desc' }, { column: 'id', order: 'desc' }])
      .offset(deepOffset - 1).limit(2).select('created', 'id') as Array<{ created: unknown, id: string }>
    if (!before || !at) throw new Error('Too few published articles: seeding did not complete')
    const version = dialect === 'mysql'
      ? (await knex.raw('SELECT VERSION() AS v') as [Array<{ v: string }>])[0][0]?.v ?? ''
      : `SQLite ${(await knex.raw('SELECT sqlite_version() AS v') as Array<{ v: string }>)[0]?.v ?? ''}`
    return { publishedCount, itemIds, authorIds, deepOffset, deepAfter: [before.created, before.id], deepFirstId: at.id, dbVersion: dialect === 'mysql' ? `MySQL/MariaDB ${version}` : version }
  } finally {
    await db.close()
  }
}

/** Removes the articles the create scenarios wrote; returns how many. */
export async function cleanUp (options: BenchOptions): Promise<number> {
  const db = openDatabase(options)
  try {
    return await removeBenchWrites(db.knex)
  } finally {
    await db.close()
  }
}
