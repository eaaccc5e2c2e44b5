// Memos of request-time work that depends only on a request's shape (parsed parameters,
// compiled SQL): bounded, least recently used out first. Memos of work that reads compiled
// content types empty themselves whenever a type is created, changed or removed.
import type { Kernel } from '../../kernel/kernel.js'

export class ShapeMemo<T> {
  private readonly entries = new Map<string, T>()
  private readonly max: number
  private readonly currentGeneration: () => number
  /** The generation the entries were computed at. */
  private filledAt = 0

  /** `generation` changes whenever memoised values may have gone stale. */
  constructor (max: number, generation: () => number = () => 0) {
    this.max = max
    this.currentGeneration = generation
  }

  /** Read it before computing a value to `set`. */
  get generation (): number {
    return this.currentGeneration()
  }

  get (key: string): T | undefined {
    if (this.generation !== this.filledAt) return undefined
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    // Re-inserting keeps the Map ordered by last use.
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  /** Stores a value computed at `generation`; dropped when the generation moved on meanwhile. */
  set (key: string, value: T, generation: number): void {
    if (generation !== this.generation) return
    if (generation !== this.filledAt) {
      this.entries.clear()
      this.filledAt = generation
    }
    this.entries.set(key, value)
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string)
  }

  /** The memoised value for `key`, computed by `build` on a miss (errors are not memoised). */
  through (key: string, build: () => T): T {
    const hit = this.get(key)
    if (hit !== undefined) return hit
    const generation = this.generation
    const value = build()
    this.set(key, value, generation)
    return value
  }
}

const memos = new WeakMap<object, Map<string, ShapeMemo<unknown>>>()

function memoFor<T> (owner: object, name: string, create: () => ShapeMemo<T>): ShapeMemo<T> {
  let byName = memos.get(owner)
  if (!byName) memos.set(owner, byName = new Map())
  let memo = byName.get(name)
  if (!memo) byName.set(name, memo = create() as ShapeMemo<unknown>)
  return memo as ShapeMemo<T>
}

/** The kernel's memo called `name`, for values that read compiled content types. */
export function typesMemo<T> (kernel: Kernel, name: string, max = 500): ShapeMemo<T> {
  return memoFor(kernel, name, () => new ShapeMemo<T>(max, () => kernel.contentTypes.generation))
}

/** A memo called `name` for values that are pure functions of their key (per `owner`). */
export function pureMemo<T> (owner: object, name: string, max = 500): ShapeMemo<T> {
  return memoFor(owner, name, () => new ShapeMemo<T>(max))
}
