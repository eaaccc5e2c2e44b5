// A bounded in-process LRU of rendered responses, indexed by cache tag so that a write purges
// exactly the responses that showed (or were filtered through) what it changed.
export interface CachedResponse {
  body: Buffer
  etag: string
  tags: readonly string[]
  /** False once something the body was rendered from (a content type definition) has changed. */
  isCurrent: () => boolean
}

/** Bodies above this size are served but not kept: a few huge pages must not evict everything. */
const MAX_BODY_BYTES = 1024 * 1024
/** All bodies together: with maxEntries alone, large pages could hold gigabytes. */
const MAX_TOTAL_BYTES = 128 * 1024 * 1024
/** Purge records kept to refuse late writers; beyond it every in-flight render is refused once. */
const MAX_PURGE_RECORDS = 10_000

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>()
  private readonly byTag = new Map<string, Set<string>>()
  /** Bumped on every purge; a render remembers the value it started at (its mark). */
  private epoch = 0
  private readonly purgedAt = new Map<string, number>()
  /** Renders that started before this epoch are never stored (after clear() or a pruned record). */
  private floor = 0
  private bytes = 0
  private readonly maxEntries: number

  constructor (maxEntries: number) {
    this.maxEntries = maxEntries
  }

  get size (): number {
    return this.entries.size
  }

  /** Taken before reading the database; set() refuses the result if a relevant purge came after. */
  mark (): number {
    return this.epoch
  }

  get (key: string): CachedResponse | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (!entry.isCurrent()) {
      this.remove(key)
      return undefined
    }
    // Map order is insertion order: re-inserting makes this the most recently used entry.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  /**
   * Stores a response rendered since `mark`, unless one of its tags was purged meanwhile: the
   * render may have read rows from before that write's COMMIT, and keeping it would serve a
   * stale answer after the write was acknowledged.
   */
  set (key: string, entry: CachedResponse, mark: number): boolean {
    if (this.maxEntries <= 0 || entry.body.length > MAX_BODY_BYTES || mark < this.floor) return false
    if (entry.tags.some(tag => (this.purgedAt.get(tag) ?? -1) > mark)) return false
    this.remove(key)
    this.entries.set(key, entry)
    this.bytes += entry.body.length
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag)
      if (!keys) this.byTag.set(tag, keys = new Set())
      keys.add(key)
    }
    while (this.entries.size > this.maxEntries || this.bytes > MAX_TOTAL_BYTES) {
      const oldest = this.entries.keys().next().value as string
      this.remove(oldest)
    }
    return true
  }

  /** Drops every response carrying one of the tags. */
  purge (tags: Iterable<string>): number {
    this.epoch++
    let removed = 0
    for (const tag of tags) {
      this.purgedAt.set(tag, this.epoch)
      for (const key of [...this.byTag.get(tag) ?? []]) removed += this.remove(key) ? 1 : 0
    }
    if (this.purgedAt.size > MAX_PURGE_RECORDS) {
      this.purgedAt.clear()
      this.floor = this.epoch
    }
    return removed
  }

  clear (): void {
    this.epoch++
    this.floor = this.epoch
    this.entries.clear()
    this.byTag.clear()
    this.purgedAt.clear()
    this.bytes = 0
  }

  private remove (key: string): boolean {
    const entry = this.entries.get(key)
    if (!entry) return false
    this.entries.delete(key)
    this.bytes -= entry.body.length
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.byTag.delete(tag)
    }
    return true
  }
}
