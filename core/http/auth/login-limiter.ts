// Counts failed logins per account and per client address in fixed windows. In-memory: each
// process counts its own (acceptable for a brute-force brake; a cluster multiplies the budget by
// its process count). Entries expire with their window and the map is pruned when it grows.
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number, resetAt: number }>()
  private readonly max: number
  private readonly windowMs: number
  private readonly maxEntries: number

  constructor (max: number, windowMs: number, maxEntries = 100_000) {
    this.max = max
    this.windowMs = windowMs
    this.maxEntries = maxEntries
  }

  /** Seconds to wait when any key is over the limit; 0 when a login may be tried. */
  retryAfter (keys: readonly string[], now = Date.now()): number {
    let wait = 0
    for (const key of keys) {
      const entry = this.failures.get(key)
      if (!entry) continue
      if (entry.resetAt <= now) this.failures.delete(key)
      else if (entry.count >= this.max) wait = Math.max(wait, Math.ceil((entry.resetAt - now) / 1000))
    }
    return wait
  }

  fail (keys: readonly string[], now = Date.now()): void {
    if (this.failures.size >= this.maxEntries) this.prune(now)
    for (const key of keys) {
      const entry = this.failures.get(key)
      if (!entry || entry.resetAt <= now) this.failures.set(key, { count: 1, resetAt: now + this.windowMs })
      else entry.count++
    }
  }

  reset (key: string): void {
    this.failures.delete(key)
  }

  private prune (now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key)
    // Still full (a flood of distinct keys): drop the oldest half rather than grow without bound.
    if (this.failures.size >= this.maxEntries) {
      let drop = Math.floor(this.failures.size / 2)
      for (const key of this.failures.keys()) {
        if (drop-- <= 0) break
        this.failures.delete(key)
      }
    }
  }
}

export const accountKey = (email: string): string => `account:${email.toLowerCase()}`
export const addressKey = (ip: string): string => `address:${ip}`
