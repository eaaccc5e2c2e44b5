// Datetime exchange with the database: always UTC 'YYYY-MM-DD HH:MM:SS.fff' (MariaDB rejects
// ISO strings with Z or an offset, error 1292); the API always answers ISO 8601 with Z.
export function toDbDateTime (value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid datetime: ${String(value)}`)
  return date.toISOString().replace('T', ' ').replace('Z', '')
}

export function fromDbDateTime (value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  const text = String(value)
  const iso = text.includes('T') ? text : text.replace(' ', 'T')
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : iso + 'Z')
  return date.toISOString()
}

export function nowDb (): string {
  return toDbDateTime(new Date())
}
