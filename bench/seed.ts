// Seeds the dataset through the CMS's own storage layer: a kernel boots the bench site (blog +
// editorial) against the configured database, so the tables are exactly the CMS's. Authors and
// tags go through createContent (validation, revisions, hooks); articles, for speed, are written
// in batched INSERTs inside transactions, their rows built by the repository's own row mapping
// (snapshotColumns, sideRows, multiValues) — the rows createContent would write, minus the
// per-item round trips. A marker table records how many articles are there: a rerun skips
// seeding, a larger --size tops up, --reseed empties the content tables first.
import type { Knex } from 'knex'
import { bootKernel } from '../core/kernel/boot.js'
import { createLogger } from '../core/kernel/logger.js'
import { loadConfig } from '../core/settings/load-config.js'
import { SYSTEM, createContent, ensureTable, toDbDateTime, type Kernel } from '../core/index.js'
import { multiValues, sideRows, snapshotColumns } from '../core/content/repository/row-mapping.js'
import type { CompiledType } from '../core/content/compiled-type.js'
import { authorName, makeArticle, slugify, tagName, type ArticleRefs } from './dataset.js'
import type { BenchOptions } from './options.js'
import { BENCH_WRITE_PREFIX, MARKER_TABLE } from './seed-constants.js'
import { cmsEnv } from './site.js'

export interface SeedReport {
  skipped: boolean
  articles: number
  added: number
  authors: number
  tags: number
  seconds: number
  /** Rows written (item, revision and side-table rows) per second. */
  rowsPerSecond: number
  articlesPerSecond: number
}

type Row = Record<string, unknown>

/** Creates the MySQL database named in the URL when it is missing (utf8mb4, the CMS's collation). */
export async function ensureMysqlDatabase (url: string): Promise<void> {
  const { createConnection } = await import('mysql2/promise')
  const parsed = new URL(url)
  const name = decodeURIComponent(parsed.pathname.slice(1))
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`--db: database name "${name}" must be letters, digits and _`)
  const connection = await createConnection({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password)
  })
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`)
  } finally {
    await connection.end()
  }
}

/** Boots a kernel on the bench site and database (the first administrator is created here). */
export async function bootBenchKernel (options: BenchOptions): Promise<Kernel> {
  const config = await loadConfig(options.rootDir, cmsEnv(options))
  return bootKernel(config, { logger: createLogger('warn') })
}

/** Deletes what the create scenarios wrote (the CMS's and the ceiling's), by title prefix. */
export async function removeBenchWrites (knex: Knex): Promise<number> {
  const ids = (await knex('ct_article').where('title', 'like', `${BENCH_WRITE_PREFIX}%`).pluck('id')) as string[]
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    await knex.transaction(async trx => {
      await trx('ct_article__tags').whereIn('id', chunk).delete()
      await trx('ct_article__rev').whereIn('id', chunk).delete()
      await trx('ct_article').whereIn('id', chunk).delete()
    })
  }
  return ids.length
}

async function ensureMarker (knex: Knex): Promise<void> {
  await ensureTable(knex, MARKER_TABLE, t => {
    t.string('name', 32).primary()
    t.integer('articles').notNullable()
    t.integer('authors').notNullable()
    t.integer('tags').notNullable()
  })
}

async function readMarker (knex: Knex): Promise<{ articles: number, authors: number, tags: number } | undefined> {
  const row = await knex(MARKER_TABLE).where('name', 'dataset').first() as Row | undefined
  return row ? { articles: Number(row.articles), authors: Number(row.authors), tags: Number(row.tags) } : undefined
}

const CONTENT_TABLES = ['ct_article__tags', 'ct_article__rev', 'ct_article', 'ct_author__rev', 'ct_author', 'ct_tag', MARKER_TABLE]

async function emptyContent (kernel: Kernel): Promise<void> {
  const { knex, dialect } = kernel.db
  for (const table of CONTENT_TABLES) {
    if (!await knex.schema.hasTable(table)) continue
    if (dialect === 'mysql') await knex.raw('TRUNCATE TABLE ??', [table])
    else await knex(table).delete()
  }
}

const doc = (type: string, attributes: Row) => ({ data: { type, attributes } })

async function seedPeople (kernel: Kernel, options: BenchOptions): Promise<void> {
  // knex prints a warning on every MySQL insert of a revision ('.returning() is not supported
  // by mysql', through console.log): quiet it here; the server's copies are counted by the run.
  const print = console.log
  console.log = (...args: unknown[]) => { if (!String(args[0]).includes('.returning() is not supported')) print(...args) }
  try {
    await createPeople(kernel, options)
  } finally {
    console.log = print
  }
}

async function createPeople (kernel: Kernel, options: BenchOptions): Promise<void> {
  for (let i = 0; i < options.tags; i++) {
    const name = tagName(i)
    await createContent(kernel, SYSTEM, 'tag', doc('tag', { name, slug: slugify(name), description: `Articles about ${name}.`, status: true }))
  }
  for (let i = 0; i < options.authors; i++) {
    await createContent(kernel, SYSTEM, 'author', doc('author', {
      name: authorName(i), bio: `<p>${authorName(i)} writes about content systems.</p>`, website: `https://example.com/authors/${i + 1}`, status: true
    }))
  }
}

async function refs (knex: Knex): Promise<ArticleRefs> {
  return {
    authors: await knex('ct_author').orderBy(['created', 'id']).pluck('id') as string[],
    tags: await knex('ct_tag').orderBy(['created', 'id']).pluck('id') as string[]
  }
}

async function insertChunked (trx: Knex.Transaction, table: string, rows: Row[], chunk: number): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await trx(table).insert(rows.slice(i, i + chunk))
}

/** Writes articles [from, to) in one transaction; returns the rows written. */
async function writeArticles (kernel: Kernel, type: CompiledType, articleRefs: ArticleRefs, from: number, to: number, firstRev: number): Promise<number> {
  const { knex, dialect } = kernel.db
  // SQLite's multi-row INSERT is a compound SELECT (at most 500 terms).
  const chunk = dialect === 'sqlite' ? 400 : 1000
  const sideFields = [...type.fields.values()].filter(f => f.sideTable)
  let rows = 0
  await knex.transaction(async trx => {
    for (let start = from; start < to; start += chunk) {
      const revisions: Row[] = []
      const items: Row[] = []
      const side = new Map<string, Row[]>(sideFields.map(f => [f.sideTable as string, []]))
      for (let i = start; i < Math.min(start + chunk, to); i++) {
        const item = makeArticle(i, articleRefs)
        const rev = firstRev + (i - from)
        item.rev = rev
        item.defaultRev = rev
        item.latestRev = rev
        const snapshot = snapshotColumns(type, item, dialect)
        // As insertRevision and insertItem (core/content/repository/write-item.ts) write them.
        revisions.push({ ...snapshot, id: item.id, rev, rev_uid: null, rev_created: toDbDateTime(item.created), rev_log: null, multi: JSON.stringify(multiValues(type, item)) })
        items.push({ ...snapshot, id: item.id, rev, latest_rev: rev, version: item.version })
        for (const field of sideFields) (side.get(field.sideTable as string) as Row[]).push(...sideRows(field, item, dialect))
      }
      await insertChunked(trx, type.revisionTable, revisions, chunk)
      await insertChunked(trx, type.table, items, chunk)
      for (const [table, sideRowList] of side) await insertChunked(trx, table, sideRowList, chunk)
      rows += revisions.length + items.length + [...side.values()].reduce((n, list) => n + list.length, 0)
    }
    await trx(MARKER_TABLE).where('name', 'dataset').update({ articles: to })
  })
  return rows
}

export async function seedDataset (options: BenchOptions, log: (line: string) => void): Promise<SeedReport> {
  const kernel = await bootBenchKernel(options)
  try {
    const { knex } = kernel.db
    if (options.reseed) await emptyContent(kernel)
    await ensureMarker(knex)
    await removeBenchWrites(knex)
    let marker = await readMarker(knex)
    if (marker && marker.articles > options.size) {
      throw new Error(`The database already holds ${marker.articles} bench articles (more than --size ${options.size}): use another database or --reseed`)
    }
    const started = performance.now()
    if (!marker) {
      const [row] = await knex('ct_article').count({ n: '*' }) as Array<{ n: number | string }>
      if (Number(row?.n ?? 0) > 0) throw new Error('The database holds articles that the bench did not write: use a dedicated database (or --reseed)')
      await seedPeople(kernel, options)
      await knex(MARKER_TABLE).insert({ name: 'dataset', articles: 0, authors: options.authors, tags: options.tags })
      marker = { articles: 0, authors: options.authors, tags: options.tags }
    }
    const have = marker.articles
    if (have === options.size) {
      return { skipped: true, articles: have, added: 0, authors: marker.authors, tags: marker.tags, seconds: 0, rowsPerSecond: 0, articlesPerSecond: 0 }
    }
    const type = kernel.contentTypes.require('article')
    const articleRefs = await refs(knex)
    const [maxRow] = await knex(type.revisionTable).max({ rev: 'rev' }) as Array<{ rev: number | null }>
    let nextRev = Number(maxRow?.rev ?? 0) + 1
    const perTransaction = 10_000
    let rows = 0
    let lastLog = performance.now()
    const seedStart = performance.now()
    log(`seeding articles ${have}…${options.size} into ${options.dialect}`)
    for (let from = have; from < options.size; from += perTransaction) {
      const to = Math.min(from + perTransaction, options.size)
      rows += await writeArticles(kernel, type, articleRefs, from, to, nextRev)
      nextRev += to - from
      if (performance.now() - lastLog > 5000 || to === options.size) {
        lastLog = performance.now()
        const s = (lastLog - seedStart) / 1000
        log(`  ${to} articles, ${Math.round((to - have) / s)} articles/s, ${Math.round(rows / s)} rows/s`)
      }
    }
    const seconds = (performance.now() - started) / 1000
    const articleSeconds = (performance.now() - seedStart) / 1000
    return {
      skipped: false,
      articles: options.size,
      added: options.size - have,
      authors: marker.authors,
      tags: marker.tags,
      seconds,
      rowsPerSecond: rows / articleSeconds,
      articlesPerSecond: (options.size - have) / articleSeconds
    }
  } finally {
    await kernel.close()
  }
}
