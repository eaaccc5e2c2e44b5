// Named locks across processes: GET_LOCK on MySQL (held on a dedicated connection outside the
// pool), an in-process queue on SQLite (one process owns the embedded file).
import { createHash } from 'node:crypto'
import type { Database } from './connect.js'

export class LockTimeoutError extends Error {
  constructor (name: string) {
    super(`Timed out waiting for lock ${name}`)
    this.name = 'LockTimeoutError'
  }
}

const local = new Map<string, Promise<unknown>>()

async function withLocalLock<T> (name: string, fn: () => Promise<T>): Promise<T> {
  const previous = local.get(name) ?? Promise.resolve()
  const run = previous.catch(() => {}).then(fn)
  local.set(name, run)
  try {
    return await run
  } finally {
    if (local.get(name) === run) local.delete(name)
  }
}

interface RawClient {
  acquireRawConnection (): Promise<unknown>
  destroyRawConnection (connection: unknown): Promise<void>
}

/**
 * GET_LOCK names are server-wide: scope them to this database so that two sites (or two test
 * databases) on one server never wait on each other. MySQL caps names at 64 characters.
 */
export function serverLockName (db: Database, name: string): string {
  const config = db.knex.client.config as { connection?: { database?: string } }
  const scoped = `${config.connection?.database ?? ''}:${name}`
  return scoped.length <= 64 ? scoped : createHash('sha1').update(scoped).digest('hex')
}

/**
 * Runs fn while holding the named lock; waits up to timeoutSeconds, then LockTimeoutError.
 * On MySQL the lock lives on a connection of its own, outside the pool: holding (or waiting for)
 * a lock never takes a pool slot that fn, or the current lock holder, needs to finish.
 */
export async function withLock<T> (db: Database, name: string, timeoutSeconds: number, fn: () => Promise<T>): Promise<T> {
  if (db.dialect === 'sqlite') return withLocalLock(name, fn)
  const client = db.knex.client as RawClient
  const lockName = serverLockName(db, name)
  const connection = await client.acquireRawConnection()
  try {
    const [rows] = await db.knex.raw('SELECT GET_LOCK(?, ?) AS got', [lockName, timeoutSeconds]).connection(connection) as unknown as [Array<{ got: number | null }>]
    if (rows[0]?.got !== 1) throw new LockTimeoutError(name)
    try {
      return await fn()
    } finally {
      await db.knex.raw('SELECT RELEASE_LOCK(?)', [lockName]).connection(connection)
    }
  } finally {
    // Closing the session also frees the lock if RELEASE_LOCK could not run.
    await client.destroyRawConnection(connection)
  }
}
