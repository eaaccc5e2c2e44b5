// The ceiling: a minimal fastify server that serves the benchmark's pages with hand-written SQL
// (mysql2 prepared statements, or better-sqlite3 when the database is SQLite) and the same
// JSON:API-shaped output as the CMS — no access layer, no query compiler, no hooks, no cache.
// What the CMS does on top of this is what the ratios measure. Run as its own process:
//   BENCH_DB=<url> BENCH_PORT=<port> node dist/bench/ceiling-server.js   (after npm run build)
import Fastify, { type FastifyRequest } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { BENCH_WRITE_PREFIX } from './seed-constants.js'

type Row = Record<string, unknown>

interface Db {
  all (sql: string, params: unknown[]): Promise<Row[]>
  /** Runs the statements in one transaction; returns the last insert id of each. */
  writeAll (statements: Array<[string, (ids: number[]) => unknown[]]>): Promise<number[]>
  close (): Promise<void>
}

async function openMysql (url: string): Promise<Db> {
  const { createPool } = await import('mysql2/promise')
  const parsed = new URL(url)
  const pool = createPool({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    charset: 'utf8mb4_unicode_520_ci',
    timezone: 'Z',
    dateStrings: true,
    // The CMS's pool size (database.poolMax default).
    connectionLimit: 10
  })
  return {
    async all (sql, params) {
      const [rows] = await pool.execute(sql, params as Array<string | number | null>)
      return rows as Row[]
    },
    async writeAll (statements) {
      const connection = await pool.getConnection()
      try {
        await connection.beginTransaction()
        const ids: number[] = []
        for (const [sql, params] of statements) {
          const [result] = await connection.execute(sql, params(ids) as Array<string | number | null>)
          ids.push((result as { insertId: number }).insertId)
        }
        await connection.commit()
        return ids
      } catch (error) {
        await connection.rollback()
        throw error
      } finally {
        connection.release()
      }
    },
    close: () => pool.end()
  }
}

// better-sqlite3 ships no types (knex carries it); the little used here, typed locally.
interface SqliteStatement { all (...params: unknown[]): unknown[], run (...params: unknown[]): { lastInsertRowid: number | bigint } }
interface SqliteDatabase {
  pragma (sql: string): unknown
  prepare (sql: string): SqliteStatement
  transaction<T> (fn: () => T): () => T
  close (): void
}

async function openSqlite (file: string): Promise<Db> {
  const moduleName = 'better-sqlite3'
  const { default: Database } = await import(moduleName) as { default: new (file: string) => SqliteDatabase }
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  const statements = new Map<string, SqliteStatement>()
  const prepared = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, statement = db.prepare(sql))
    return statement
  }
  return {
    async all (sql, params) {
      return prepared(sql).all(...params) as Row[]
    },
    async writeAll (list) {
      return db.transaction(() => {
        const ids: number[] = []
        for (const [sql, params] of list) ids.push(Number(prepared(sql).run(...params(ids)).lastInsertRowid))
        return ids
      })()
    },
    async close () { db.close() }
  }
}

/** 'YYYY-MM-DD HH:MM:SS.fff' (UTC) ⇄ ISO 8601 with Z, as the CMS answers. */
const iso = (value: unknown) => value === null || value === undefined ? null : String(value).replace(' ', 'T') + (String(value).endsWith('Z') ? '' : 'Z')
const dbNow = () => new Date().toISOString().replace('T', ' ').replace('Z', '')

const LIST_SQL = 'SELECT id, created, title, slug, summary FROM ct_article WHERE status = 1 ORDER BY created DESC, id DESC LIMIT 21'
const LIST_AUTHOR_SQL = 'SELECT a.id, a.created, a.title, a.slug, a.summary, a.author, au.name AS author_name FROM ct_article a ' +
  'LEFT JOIN ct_author au ON au.id = a.author AND au.status = 1 WHERE a.status = 1 ORDER BY a.created DESC, a.id DESC LIMIT 21'
const ITEM_SQL = 'SELECT id, created, changed, status, moderation_state, title, slug, summary, body, published, uid, author FROM ct_article WHERE id = ? AND status = 1'
const ITEM_TAGS_SQL = 'SELECT value FROM ct_article__tags WHERE id = ? ORDER BY delta'
const INSERT_REV_SQL = 'INSERT INTO ct_article__rev (id, rev_uid, rev_created, rev_log, uid, created, changed, status, moderation_state, title, slug, summary, body, published, author, multi) ' +
  'VALUES (?, NULL, ?, NULL, NULL, ?, ?, 0, \'draft\', ?, ?, ?, ?, ?, ?, ?)'
const INSERT_ITEM_SQL = 'INSERT INTO ct_article (id, rev, latest_rev, version, uid, created, changed, status, moderation_state, title, slug, summary, body, published, author) ' +
  'VALUES (?, ?, ?, 1, NULL, ?, ?, 0, \'draft\', ?, ?, ?, ?, ?, ?)'

function origin (request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}

function relationship (self: string, name: string, data: unknown) {
  return { data, links: { self: `${self}/relationships/${name}`, related: `${self}/${name}` } }
}

async function main (): Promise<void> {
  const url = process.env.BENCH_DB ?? ''
  const port = Number(process.env.BENCH_PORT ?? 3902)
  const db = url.startsWith('mysql://') ? await openMysql(url) : await openSqlite(url.replace(/^sqlite:/, ''))
  const app = Fastify({ logger: false })
  const send = (reply: { type: (t: string) => { send: (b: unknown) => unknown } }, doc: unknown) => reply.type('application/vnd.api+json').send(JSON.stringify(doc))

  function listDocument (base: string, rows: Row[], withAuthor: boolean) {
    const page = rows.slice(0, 20)
    const included = new Map<string, unknown>()
    const data = page.map(r => {
      const self = `${base}/jsonapi/article/${String(r.id)}`
      const relationships: Row = {}
      if (withAuthor) {
        relationships.author = relationship(self, 'author', r.author ? { type: 'author', id: r.author } : null)
        if (r.author && r.author_name !== null && !included.has(String(r.author))) {
          included.set(String(r.author), { type: 'author', id: r.author, attributes: { name: r.author_name }, relationships: {}, links: { self: `${base}/jsonapi/author/${String(r.author)}` } })
        }
      }
      return { type: 'article', id: r.id, attributes: { created: iso(r.created), title: r.title, slug: r.slug, summary: r.summary }, relationships, links: { self } }
    })
    const links: Row = { self: `${base}/jsonapi/article?page[limit]=20` }
    if (rows.length > 20) links.next = `${base}/jsonapi/article?page[limit]=20&page[offset]=20`
    return withAuthor ? { jsonapi: { version: '1.1' }, data, links, included: [...included.values()] } : { jsonapi: { version: '1.1' }, data, links }
  }

  // The fixed-JSON ceiling serves a body of the list's size, built once.
  const fixed = Buffer.from(JSON.stringify(listDocument(`http://127.0.0.1:${port}`, await db.all(LIST_SQL, []), false)))

  app.get('/health', async () => ({ ok: true }))
  app.get('/fixed', (_request, reply) => reply.type('application/vnd.api+json').send(fixed))
  app.get('/list', async (request, reply) => send(reply, listDocument(origin(request), await db.all(LIST_SQL, []), false)))
  app.get('/list-author', async (request, reply) => send(reply, listDocument(origin(request), await db.all(LIST_AUTHOR_SQL, []), true)))
  app.get<{ Params: { id: string } }>('/item/:id', async (request, reply) => {
    const [row] = await db.all(ITEM_SQL, [request.params.id])
    if (!row) return reply.code(404).send({ errors: [{ status: '404' }] })
    const tags = await db.all(ITEM_TAGS_SQL, [request.params.id])
    const base = origin(request)
    const self = `${base}/jsonapi/article/${String(row.id)}`
    return send(reply, {
      jsonapi: { version: '1.1' },
      data: {
        type: 'article',
        id: row.id,
        attributes: {
          created: iso(row.created),
          changed: iso(row.changed),
          status: Boolean(row.status),
          moderation_state: row.moderation_state,
          title: row.title,
          slug: row.slug,
          summary: row.summary,
          body: row.body,
          published: iso(row.published)
        },
        relationships: {
          uid: relationship(self, 'uid', row.uid ? { type: 'user', id: row.uid } : null),
          author: relationship(self, 'author', row.author ? { type: 'author', id: row.author } : null),
          tags: relationship(self, 'tags', tags.map(t => ({ type: 'tag', id: t.value })))
        },
        links: { self }
      },
      links: { self }
    })
  })
  app.post('/create', async (request, reply) => {
    const body = request.body as { data?: { type?: string, attributes?: Row, relationships?: { author?: { data?: { id?: string } } } } }
    const attributes = body.data?.attributes ?? {}
    if (body.data?.type !== 'article' || typeof attributes.title !== 'string' || !attributes.title.startsWith(BENCH_WRITE_PREFIX)) {
      return reply.code(422).send({ errors: [{ status: '422' }] })
    }
    const id = uuidv7()
    const now = dbNow()
    const published = typeof attributes.published === 'string' ? attributes.published.replace('T', ' ').replace('Z', '') : null
    const author = body.data.relationships?.author?.data?.id ?? null
    const values = [attributes.title, attributes.slug ?? null, attributes.summary ?? null, attributes.body ?? null, published, author]
    const [rev] = await db.writeAll([
      [INSERT_REV_SQL, () => [id, now, now, now, ...values, '{"tags":[]}']],
      [INSERT_ITEM_SQL, ids => [id, ids[0], ids[0], now, now, ...values]]
    ])
    const self = `${origin(request)}/admin/api/content/article/${id}`
    void reply.header('location', self)
    return reply.code(201).type('application/vnd.api+json').send(JSON.stringify({
      jsonapi: { version: '1.1' },
      data: { type: 'article', id, attributes: { ...attributes, created: iso(now), changed: iso(now), status: false, moderation_state: 'draft' }, meta: { revision: rev }, links: { self } },
      links: { self }
    }))
  })
  app.addContentTypeParser('application/vnd.api+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'))

  await app.listen({ host: '127.0.0.1', port })
  const stop = () => { void app.close().then(() => db.close()) }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

await main()
