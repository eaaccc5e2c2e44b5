// Command-line options of `npm run bench`.
import { parseArgs } from 'node:util'
import { join } from 'node:path'

export interface BenchOptions {
  rootDir: string
  /** sqlite:/path or mysql://user:pass@host:port/db */
  db: string
  dialect: 'sqlite' | 'mysql'
  size: number
  sizeLabel: string
  authors: number
  tags: number
  duration: number
  warmup: number
  connections: number
  port: number
  ceilingPort: number
  cpuProf: boolean
  seedOnly: boolean
  reseed: boolean
  only: Set<string> | undefined
}

export const USAGE = `Usage: npm run bench -- [options]

  --db URL            sqlite:/path/file.sqlite or mysql://user:pass@host:port/db
                      (default: a SQLite file bench/.data/bench-<size>.sqlite; a MySQL database
                      named in the URL is created when missing)
  --size N            articles: 10k (default), 100k, 1m or a number
  --authors N         authors (default 200)
  --tags N            tags (default 50)
  --duration S        seconds per measured scenario (default 10)
  --warmup S          seconds of warm-up before each scenario (default 2)
  --connections N     concurrent connections (default 50)
  --port N            port of the CMS server (default 3901; the ceiling server uses port + 1)
  --only a,b          run only these scenarios (list, include, item, deep, create, cached)
  --cpu-prof          run the CMS server under node --cpu-prof (profiles in bench/results/prof)
  --seed-only         seed the dataset and stop
  --reseed            empty the content tables and seed again
`

export function parseSize (raw: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(raw.trim())
  if (!match) throw new Error(`--size: expected 10k, 100k, 1m or a number, got "${raw}"`)
  const unit = (match[2] ?? '').toLowerCase()
  const n = Math.round(Number(match[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1))
  if (n < 100) throw new Error('--size: at least 100 articles')
  return n
}

export function sizeLabel (n: number): string {
  if (n % 1e6 === 0) return `${n / 1e6}m`
  if (n % 1e3 === 0) return `${n / 1e3}k`
  return String(n)
}

function positive (raw: string | undefined, name: string, fallback: number, min = Number.MIN_VALUE): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name}: expected ${min === Number.MIN_VALUE ? 'a positive number' : `a number ≥ ${min}`}, got "${raw}"`)
  return n
}

const SCENARIO_GROUPS = ['list', 'include', 'item', 'deep', 'create', 'cached']

export function parseOptions (argv: string[], rootDir: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      db: { type: 'string' },
      size: { type: 'string', default: '10k' },
      authors: { type: 'string' },
      tags: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      port: { type: 'string' },
      only: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'seed-only': { type: 'boolean', default: false },
      reseed: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) return 'help'
  const size = parseSize(values.size)
  const label = sizeLabel(size)
  let db = values.db ?? `sqlite:${join(rootDir, 'bench', '.data', `bench-${label}.sqlite`)}`
  if (db.startsWith('sqlite:')) {
    const file = db.slice('sqlite:'.length)
    if (file === '' || file === ':memory:') throw new Error('--db: the server runs in another process, so SQLite needs a file')
    if (!file.startsWith('/')) db = `sqlite:${join(rootDir, file)}`
  } else if (!db.startsWith('mysql://')) {
    throw new Error('--db: expected sqlite:/path or mysql://user:pass@host:port/database')
  }
  const only = values.only?.split(',').map(s => s.trim()).filter(Boolean)
  const unknown = only?.filter(s => !SCENARIO_GROUPS.includes(s)) ?? []
  if (unknown.length > 0) throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIO_GROUPS.join(', ')})`)
  const port = positive(values.port, 'port', 3901)
  return {
    rootDir,
    db,
    dialect: db.startsWith('mysql://') ? 'mysql' : 'sqlite',
    size,
    sizeLabel: label,
    authors: Math.round(positive(values.authors, 'authors', 200)),
    tags: Math.round(positive(values.tags, 'tags', 50)),
    duration: positive(values.duration, 'duration', 10),
    warmup: positive(values.warmup, 'warmup', 2, 0),
    connections: Math.round(positive(values.connections, 'connections', 50)),
    port,
    ceilingPort: port + 1,
    cpuProf: values['cpu-prof'],
    seedOnly: values['seed-only'],
    reseed: values.reseed,
    only: only ? new Set(only) : undefined
  }
}
