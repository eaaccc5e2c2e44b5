// Datetime exchange with the database: always UTC 'YYYY-MM-DD HH:MM:SS.fff' (MariaDB rejects
// ISO strings with Z or an offset, error 1292); the API always answers ISO 8601 with Z.
export function toDbDateTime (value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid datetime: ${String(value)}`)
  return date.toISOString().replace('T', ' ').replace('Z', '')
}

/**
 * What the databases hand back ('YYYY-MM-DD HH:MM:SS[.fff…]', UTC), restricted to values that
 * are valid in every month (day ≤ 28): rewritten as text, without a Date round trip.
 */
const DB_DATETIME = /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8]))[ T]((?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)(?:\.(\d{1,9}))?$/

export function fromDbDateTime (value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  const text = String(value)
  // Reads run this for every datetime of every row: the common shape skips Date parsing.
  const fast = DB_DATETIME.exec(text)
  if (fast) return `${fast[1] as string}T${fast[2] as string}.${(fast[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`
  const iso = text.includes('T') ? text : text.replace(' ', 'T')
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : iso + 'Z')
  return date.toISOString()
}

export function nowDb (): string {
  return toDbDateTime(new Date())
}
