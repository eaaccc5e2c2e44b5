// Cross-process invalidation: publish() appends a row after COMMIT; a timer polls for newer rows
// from other processes (every 500 ms, so every process is fresh within a second) and prunes
// rows old enough that no live process can still need them. Rows published while an INSERT is
// in flight go out together in the next one (group commit: one statement for many writes under
// load, no added wait when idle).
import { randomUUID } from 'node:crypto'
import type { Knex } from 'knex'
import { nowDb, toDbDateTime } from '../db/dates.js'
import { CLEAR_ALL, INVALIDATIONS_TABLE } from './invalidation-table.js'

export const POLL_INTERVAL_MS = 500
const KEEP_MS = 10 * 60_000
const PRUNE_EVERY_POLLS = 120
const BATCH = 1000
/** Rows per INSERT of queued invalidations. */
const INSERT_CHUNK = 400

export type RemoteInvalidation = { kind: 'tags', tags: string[] } | { kind: 'clear' }

interface Row { id: number | string, origin: string, tags: string }
interface NewRow { origin: string, tags: string, created_at: string }

export class InvalidationLog {
  readonly origin = randomUUID()
  private lastSeen = 0
  private timer: NodeJS.Timeout | undefined
  private polling: Promise<void> | undefined
  private polls = 0
  /** Rows waiting for the next INSERT, and that INSERT (undefined until someone publishes). */
  private queued: NewRow[] = []
  private nextBatch: Promise<void> | undefined
  /** The INSERT in flight, settled either way (the next batch only waits for it to end). */
  private writing: Promise<void> = Promise.resolve()
  private readonly knex: Knex
  private readonly apply: (change: RemoteInvalidation) => void
  private readonly onError: (error: unknown) => void

  constructor (knex: Knex, apply: (change: RemoteInvalidation) => void, onError: (error: unknown) => void) {
    this.knex = knex
    this.apply = apply
    this.onError = onError
  }

  /** Starts after the newest row: older invalidations concern responses this process never had. */
  async start (): Promise<void> {
    const [row] = await this.knex(INVALIDATIONS_TABLE).max({ id: 'id' }) as Array<{ id: number | string | null }>
    this.lastSeen = Number(row?.id ?? 0)
    this.timer = setInterval(() => { void this.pollOnce() }, POLL_INTERVAL_MS)
    this.timer.unref()
  }

  /** Resolves once a committed INSERT holds the row (rejects with the INSERT's error). */
  publish (tags: readonly string[] | typeof CLEAR_ALL): Promise<void> {
    this.queued.push({ origin: this.origin, tags: tags === CLEAR_ALL ? CLEAR_ALL : tags.join(' '), created_at: nowDb() })
    if (!this.nextBatch) {
      const previous = this.writing
      this.nextBatch = previous.then(async () => {
        const rows = this.queued
        this.queued = []
        this.nextBatch = undefined
        // SQLite writes a multi-row INSERT as one compound SELECT, refused beyond 500 terms.
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) await this.knex(INVALIDATIONS_TABLE).insert(rows.slice(i, i + INSERT_CHUNK))
      })
      this.writing = this.nextBatch.catch(() => {})
    }
    return this.nextBatch
  }

  /** One poll (also called directly by tests); overlapping calls share the running one. */
  pollOnce (): Promise<void> {
    this.polling ??= this.poll().catch(this.onError).finally(() => { this.polling = undefined })
    return this.polling
  }

  private async poll (): Promise<void> {
    const rows = await this.knex(INVALIDATIONS_TABLE).where('id', '>', this.lastSeen).orderBy('id').limit(BATCH)
      .select('id', 'origin', 'tags') as Row[]
    for (const row of rows) {
      this.lastSeen = Math.max(this.lastSeen, Number(row.id))
      if (row.origin === this.origin) continue
      this.apply(row.tags === CLEAR_ALL ? { kind: 'clear' } : { kind: 'tags', tags: row.tags.split(' ').filter(Boolean) })
    }
    if (++this.polls % PRUNE_EVERY_POLLS === 0) {
      await this.knex(INVALIDATIONS_TABLE).where('created_at', '<', toDbDateTime(new Date(Date.now() - KEEP_MS))).delete()
    }
  }

  async stop (): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await Promise.all([this.polling, this.writing])
  }
}
