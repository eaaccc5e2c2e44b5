// npm run bench: seed (or reuse) the dataset, start the CMS and the ceiling server as separate
// processes, drive each scenario with autocannon, and report figures, ratios and targets.
// See bench/README.md.
import { existsSync, mkdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanUp, loadFixtures, type Fixtures } from './fixtures.js'
import { measure, sample, type LoadFigures, type LoadSettings } from './load.js'
import { machineInfo } from './machine.js'
import { parseOptions, USAGE, type BenchOptions } from './options.js'
import { buildServers, startArgs } from './production.js'
import { formatSummary, summarizeProfile, type ProfileSummary } from './profile-summary.js'
import { evaluateTargets, formatReport, writeReport, type RunReport, type ScenarioResult } from './report.js'
import { FIRST_CURSOR_PATH, LIST_PATH, scenarios, type Phase, type Scenario } from './scenarios.js'
import { ensureMysqlDatabase, seedDataset } from './seed.js'
import { ServerProcess } from './server-process.js'
import { ADMIN_EMAIL, ADMIN_PASSWORD, cmsEnv } from './site.js'

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const log = (line: string) => { process.stderr.write(line + '\n') }

function redact (url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
}

interface CmsRun {
  server: ServerProcess
  profileName: string | undefined
}

async function startCms (options: BenchOptions, phase: Phase, label: string, stamp: string): Promise<CmsRun> {
  const profileDir = join(rootDir, 'bench', 'results', 'prof')
  const profileName = options.cpuProf ? `${stamp}-${options.dialect}-${options.sizeLabel}-${label}.cpuprofile` : undefined
  if (profileName) mkdirSync(profileDir, { recursive: true })
  const server = await ServerProcess.start({
    name: `CMS (${phase === 'cached' ? 'response cache on' : 'response cache off'})`,
    // The production way: what `npm start` runs (after its build).
    args: [...(profileName ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', profileName] : []), ...startArgs(rootDir)],
    env: cmsEnv(options, phase === 'uncached' ? { CMS_BENCH_CACHE: 'off' } : {}),
    cwd: rootDir,
    readyUrl: `http://127.0.0.1:${options.port}/health/ready`,
    logFile: join(rootDir, 'bench', 'results', 'logs', `${stamp}-cms-${label}.log`)
  })
  log(`${server.name} up in ${Math.round(server.coldStartMs)} ms (pid ${server.pid})`)
  return { server, profileName }
}

async function login (origin: string): Promise<string> {
  const response = await fetch(`${origin}/admin/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
  })
  const body = await response.json() as { accessToken?: string }
  if (response.status !== 200 || !body.accessToken) throw new Error(`Login as ${ADMIN_EMAIL} failed (HTTP ${response.status}): is this database's administrator another one? Use a dedicated database.`)
  return body.accessToken
}

/** Builds the cursor of the page that starts at the deep offset: the signature from a real cursor, the sort values from the row before. */
async function deepCursor (origin: string, fixtures: Fixtures): Promise<string> {
  const first = await sample(`${origin}${FIRST_CURSOR_PATH}`)
  const next = (first.json as { links?: { next?: string } } | undefined)?.links?.next
  const cursor = next ? new URL(next).searchParams.get('page[cursor]') : null
  if (!cursor) throw new Error(`The first cursor page has no next link (HTTP ${first.status})`)
  const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: string, v: unknown[] }
  if (typeof decoded.v[0] !== typeof fixtures.deepAfter[0]) throw new Error(`Unexpected cursor value ${JSON.stringify(decoded.v)}`)
  return Buffer.from(JSON.stringify({ s: decoded.s, v: fixtures.deepAfter })).toString('base64url')
}

/** Distinct problems the server logged: pino lines at warn level or above, and other stderr lines. */
function serverWarnings (output: string): Map<string, number> {
  const found = new Map<string, number>()
  const add = (text: string) => { found.set(text, (found.get(text) ?? 0) + 1) }
  for (const line of output.split('\n')) {
    const text = line.trim()
    // Stack frames belong to the line above them.
    if (text.startsWith('at ') || text === '' || text.startsWith('CMS listening') || text.startsWith('content API') || text.startsWith('admin API') || text.startsWith('API docs') || text.startsWith('health')) continue
    try {
      const entry = JSON.parse(text) as { level?: number, msg?: string, err?: { message?: string } }
      if ((entry.level ?? 0) >= 40) add(`${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 300))
    } catch {
      add(text.slice(0, 300))
    }
  }
  return found
}

function firstId (json: unknown): string | undefined {
  const data = (json as { data?: Array<{ id?: string }> } | undefined)?.data
  return Array.isArray(data) ? data[0]?.id : undefined
}

/** Figures for a scenario measured by one request only (req/s as one connection would see it). */
function singleRequest (ms: number): LoadFigures {
  return { requestsPerSecond: 1000 / ms, p50: ms, p99: ms, mean: ms, requests: 1, non2xx: 0, errors: 0, timeouts: 0, statusCodes: {}, peakRssMb: NaN, cpuMsPerRequest: NaN, cpuUtilisation: NaN }
}

async function runScenario (scenario: Scenario, cms: ServerProcess, ceiling: ServerProcess | undefined, settings: LoadSettings): Promise<ScenarioResult> {
  const spec = scenario.cms
  const url = `${spec.origin}${spec.vary?.path ? spec.vary.path(0) : spec.path}`
  const init: RequestInit = { method: spec.method ?? 'GET', headers: spec.headers ?? {} }
  if (spec.vary?.body) init.body = spec.vary.body(1_000_000_000)
  // Prime once (the warm-cache scenario then samples a hit), then sample what one request costs.
  if (scenario.phase === 'cached' && init.method === 'GET') await sample(url, init)
  let probe = await sample(url, init)
  // The role cache reloads once a second: the fewest statements of three GETs is the request's own.
  for (let i = 0; i < 2 && init.method === 'GET' && probe.ms < 1000; i++) {
    const again = await sample(url, init)
    if ((again.sqlStatements ?? Infinity) < (probe.sqlStatements ?? Infinity)) probe = again
  }
  const problem = scenario.check?.(probe.json, probe.status) ?? (probe.status >= 300 ? `HTTP ${probe.status}` : undefined)
  let check = problem ?? 'ok'
  if (scenario.phase === 'cached' && init.method === 'GET' && probe.cache !== 'HIT') check = `x-cache ${probe.cache ?? 'absent'}`
  log(`${scenario.title}: sample HTTP ${probe.status} in ${Math.round(probe.ms)} ms, ${probe.sqlStatements ?? '?'} SQL statements, ${probe.bytes} bytes${check === 'ok' ? '' : ` — ${check}`}`)
  if (scenario.skipLoadAboveMs !== undefined && probe.ms > scenario.skipLoadAboveMs) {
    log(`  load run skipped: one request alone took ${Math.round(probe.ms)} ms`)
    return {
      id: scenario.id,
      title: scenario.title,
      phase: scenario.phase,
      cms: { ...singleRequest(probe.ms), sqlStatements: probe.sqlStatements, bytes: probe.bytes, check: `load skipped: one request took ${(probe.ms / 1000).toFixed(1)} s` }
    }
  }
  const figures = await measure(cms, spec, settings)
  log(`  CMS ${Math.round(figures.requestsPerSecond)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, non-2xx ${figures.non2xx}, errors ${figures.errors}, ` +
    `RSS ${Math.round(figures.peakRssMb)} MB, CPU ${Number.isFinite(figures.cpuMsPerRequest) ? figures.cpuMsPerRequest.toFixed(2) : '-'} ms/req (${Math.round(figures.cpuUtilisation * 100)}% of a core)`)
  const result: ScenarioResult = {
    id: scenario.id,
    title: scenario.title,
    phase: scenario.phase,
    cms: { ...figures, sqlStatements: probe.sqlStatements, bytes: probe.bytes, check }
  }
  if (scenario.ceiling && ceiling) {
    const c = scenario.ceiling.spec
    const cUrl = `${c.origin}${c.vary?.path ? c.vary.path(0) : c.path}`
    const cInit: RequestInit = { method: c.method ?? 'GET', headers: c.headers ?? {} }
    if (c.vary?.body) cInit.body = c.vary.body(1_000_000_000)
    const cProbe = await sample(cUrl, cInit)
    if (cProbe.status >= 300) throw new Error(`The ceiling server answered ${cProbe.status} on ${cUrl}`)
    if (init.method === 'GET' && scenario.phase === 'uncached' && firstId(cProbe.json) !== undefined && firstId(cProbe.json) !== firstId(probe.json)) {
      result.cms.check = `first item differs from the ceiling's (${firstId(probe.json) ?? '-'} vs ${firstId(cProbe.json) ?? '-'})`
    }
    const cFigures = await measure(ceiling, c, settings)
    log(`  ceiling ${Math.round(cFigures.requestsPerSecond)} req/s, p50 ${cFigures.p50} ms, CPU ${cFigures.cpuMsPerRequest.toFixed(2)} ms/req (${Math.round(cFigures.cpuUtilisation * 100)}% of a core) — ${scenario.ceiling.title}`)
    result.ceiling = { ...cFigures, title: scenario.ceiling.title, bytes: cProbe.bytes }
    result.ratio = figures.requestsPerSecond / cFigures.requestsPerSecond
    result.cpuRatio = cFigures.cpuMsPerRequest / figures.cpuMsPerRequest
  }
  return result
}

async function main (): Promise<number> {
  const options = parseOptions(process.argv.slice(2), rootDir)
  if (options === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  const startedAt = new Date().toISOString()
  const stamp = startedAt.replace(/[:.]/g, '-')
  log(`database ${redact(options.db)}, ${options.size} articles`)
  if (options.dialect === 'mysql') await ensureMysqlDatabase(options.db)
  const seed = await seedDataset(options, log)
  log(seed.skipped ? `dataset of ${seed.articles} articles already seeded` : `seeded ${seed.added} articles in ${seed.seconds.toFixed(1)} s (${Math.round(seed.articlesPerSecond)} articles/s, ${Math.round(seed.rowsPerSecond)} rows/s)`)
  if (options.seedOnly) return 0
  // Both servers run built from the current sources, with plain node (no loader, nothing stale).
  log(buildServers(rootDir))

  const fixtures = await loadFixtures(options)
  const machine = machineInfo(fixtures.dbVersion)
  const settings: LoadSettings = { connections: options.connections, duration: options.duration, warmup: options.warmup }
  const cmsOrigin = `http://127.0.0.1:${options.port}`
  const ceilingOrigin = `http://127.0.0.1:${options.ceilingPort}`
  let token = ''
  let cursor = ''
  const all = scenarios({ cmsOrigin, ceilingOrigin, fixtures, token: () => token, runId: Date.now().toString(36), deepCursor: () => cursor })
  const selected = all.filter(s => !options.only || options.only.has(s.group))

  const ceiling = await ServerProcess.start({
    name: 'ceiling server',
    args: ['dist/bench/ceiling-server.js'],
    env: { BENCH_DB: options.db, BENCH_PORT: String(options.ceilingPort) },
    cwd: rootDir,
    readyUrl: `${ceilingOrigin}/health`,
    logFile: join(rootDir, 'bench', 'results', 'logs', `${stamp}-ceiling.log`)
  })
  const results: ScenarioResult[] = []
  const coldStartMs: number[] = []
  const idleRssMb: number[] = []
  const ceilingIdleRssMb = ceiling.resetWindow()
  const profiles: ProfileSummary[] = []
  const warnings = new Map<string, number>()
  let peakRssMb = 0
  try {
    // One CMS process per phase; with --cpu-prof one per scenario, so that each profile shows one workload.
    // Reads first, the create scenario last: its writes leave InnoDB flushing and purging for a
    // while, which would land on the next read run (the CMS's, not its ceiling's that follows).
    const batches: Scenario[][] = []
    for (const phase of ['uncached', 'cached'] as const) {
      const inPhase = selected.filter(s => s.phase === phase)
      if (inPhase.length === 0) continue
      if (options.cpuProf) for (const s of inPhase) batches.push([s])
      else batches.push(inPhase)
    }
    for (const batch of batches) {
      const phase = (batch[0] as Scenario).phase
      const { server, profileName } = await startCms(options, phase, batch.length === 1 ? (batch[0] as Scenario).id : phase, stamp)
      coldStartMs.push(server.coldStartMs)
      idleRssMb.push(server.resetWindow())
      try {
        if (batch.some(s => s.id === 'create')) token = await login(cmsOrigin)
        if (batch.some(s => s.id === 'deep-cursor')) {
          cursor = await deepCursor(cmsOrigin, fixtures)
          const byCursor = await sample(`${cmsOrigin}${LIST_PATH}&page[cursor]=${cursor}`)
          if (firstId(byCursor.json) !== fixtures.deepFirstId) throw new Error(`The deep cursor page does not start at offset ${fixtures.deepOffset} (${firstId(byCursor.json) ?? 'no item'} instead of ${fixtures.deepFirstId})`)
        }
        for (const scenario of batch) results.push(await runScenario(scenario, server, ceiling, settings))
      } finally {
        await server.stop()
        peakRssMb = Math.max(peakRssMb, server.peakRssMb)
        for (const [text, n] of serverWarnings(server.tail(20_000))) warnings.set(text, (warnings.get(text) ?? 0) + n)
      }
      if (profileName) {
        const file = join(rootDir, 'bench', 'results', 'prof', profileName)
        if (existsSync(file)) {
          const summary = summarizeProfile(file, 15, server.coldStartMs)
          profiles.push(summary)
          log(formatSummary(summary))
        } else {
          log(`no profile written at ${file} (the server did not exit cleanly)`)
        }
      }
    }
  } finally {
    await ceiling.stop()
    const removed = await cleanUp(options)
    if (removed > 0) log(`removed ${removed} articles written by the create scenarios`)
  }

  const report: RunReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    db: { dialect: options.dialect, url: redact(options.db), version: fixtures.dbVersion },
    size: options.size,
    settings: { ...settings, cpuProf: options.cpuProf },
    machine: { ...machine, loadAverageAtEnd: loadavg().map(n => Math.round(n * 100) / 100) },
    seed,
    dataset: { publishedCount: fixtures.publishedCount, deepOffset: fixtures.deepOffset },
    coldStartMs,
    idleRssMb,
    peakRssMb,
    ceilingServer: { coldStartMs: ceiling.coldStartMs, idleRssMb: ceilingIdleRssMb, peakRssMb: ceiling.peakRssMb },
    serverWarnings: [...warnings].map(([text, n]) => n > 1 ? `${text} (×${n})` : text).slice(0, 10),
    scenarios: results,
    targets: evaluateTargets(results, peakRssMb, coldStartMs[0]),
    profiles
  }
  process.stdout.write(formatReport(report))
  const file = writeReport(rootDir, report)
  log(`results written to ${file}`)
  return 0
}

try {
  process.exitCode = await main()
} catch (error) {
  log(`bench: ${(error as Error).message}`)
  process.exitCode = 1
}
