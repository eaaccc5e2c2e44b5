// A keyed registry that records which module declared each entry and refuses changes once frozen.
export interface Entry<T> { key: string, module: string, value: T }

export class Registry<T> {
  private readonly entries = new Map<string, Entry<T>>()
  private frozen = false

  readonly kind: string
  constructor (kind: string) {
    this.kind = kind
  }

  add (module: string, key: string, value: T): void {
    if (this.frozen) throw new Error(`${this.kind} "${key}" declared by ${module} after boot: declare it in register()`)
    const existing = this.entries.get(key)
    if (existing) throw new Error(`${this.kind} "${key}" is declared twice: by ${existing.module} and by ${module}`)
    this.entries.set(key, { key, module, value })
  }

  get (key: string): T | undefined {
    return this.entries.get(key)?.value
  }

  owner (key: string): string | undefined {
    return this.entries.get(key)?.module
  }

  has (key: string): boolean {
    return this.entries.has(key)
  }

  list (): Array<Entry<T>> {
    return [...this.entries.values()]
  }

  values (): T[] {
    return this.list().map(e => e.value)
  }

  freeze (): void {
    this.frozen = true
  }

  get isFrozen (): boolean {
    return this.frozen
  }
}
