// The run's figures: the printed table, the targets (issue 7) with PASS/MISS, the JSON file.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LoadFigures } from './load.js'
import type { MachineInfo } from './machine.js'
import { sizeLabel } from './options.js'
import type { ProfileSummary } from './profile-summary.js'
import type { SeedReport } from './seed.js'

export interface ScenarioResult {
  id: string
  title: string
  phase: string
  cms: LoadFigures & { sqlStatements: number | undefined, bytes: number, check: string }
  ceiling?: LoadFigures & { title: string, bytes: number }
  /** cms / ceiling requests per second. */
  ratio?: number
  /** ceiling / cms server CPU time per request: the ratio with the machine's noise taken out. */
  cpuRatio?: number
}

export interface Target {
  name: string
  value: number | undefined
  display: string
  target: string
  pass: boolean | undefined
}

export interface RunReport {
  startedAt: string
  finishedAt: string
  db: { dialect: string, url: string, version: string }
  size: number
  settings: { connections: number, duration: number, warmup: number, cpuProf: boolean }
  machine: MachineInfo & { loadAverageAtEnd: number[] }
  seed: SeedReport
  dataset: { publishedCount: number, deepOffset: number }
  /** Per CMS process: spawn to first 200, and RSS just after. */
  coldStartMs: number[]
  idleRssMb: number[]
  peakRssMb: number
  /** The ceiling server, for scale: a bare fastify + driver process, built and run like the CMS (plain node). */
  ceilingServer: { coldStartMs: number, idleRssMb: number, peakRssMb: number }
  serverWarnings: string[]
  scenarios: ScenarioResult[]
  targets: Target[]
  profiles: ProfileSummary[]
}

const round = (n: number, digits = 0) => Number.isFinite(n) ? Number(n.toFixed(digits)) : NaN
const fixed = (n: number) => Number.isFinite(n) ? n.toFixed(2) : '-'
const num = (n: number, digits = 0) => Number.isFinite(n) ? String(round(n, digits)) : '-'

function find (results: ScenarioResult[], id: string): ScenarioResult | undefined {
  return results.find(r => r.id === id)
}

function ratioTarget (name: string, result: ScenarioResult | undefined, min: number): Target {
  const value = result?.ratio
  return {
    name,
    value,
    display: value === undefined ? 'n/a' : value.toFixed(2),
    target: `≥ ${min}`,
    pass: value === undefined ? undefined : value >= min
  }
}

export function evaluateTargets (results: ScenarioResult[], peakRssMb: number, coldStartMs: number | undefined): Target[] {
  const first = find(results, 'first-page')
  const deep = find(results, 'deep-cursor')
  const slowdown = first && deep ? first.cms.requestsPerSecond / deep.cms.requestsPerSecond : undefined
  return [
    ratioTarget('list vs raw SQL', find(results, 'list'), 0.6),
    ratioTarget('list + include vs raw SQL join', find(results, 'include'), 0.6),
    ratioTarget('one item vs raw SQL', find(results, 'item'), 0.6),
    ratioTarget('create vs raw insert', find(results, 'create'), 0.35),
    ratioTarget('warm-cache list vs fixed JSON', find(results, 'cached'), 0.5),
    {
      name: 'cursor page at 90% vs first page (time ×)',
      value: slowdown,
      display: slowdown === undefined ? 'n/a' : `${slowdown.toFixed(2)}×`,
      target: '≤ 1.5×',
      pass: slowdown === undefined ? undefined : slowdown <= 1.5
    },
    {
      name: 'server RSS under load',
      value: peakRssMb,
      display: `${round(peakRssMb)} MB`,
      target: '< 200 MB',
      pass: Number.isFinite(peakRssMb) ? peakRssMb < 200 : undefined
    },
    {
      name: 'cold start to first 200',
      value: coldStartMs,
      display: coldStartMs === undefined ? 'n/a' : `${round(coldStartMs)} ms`,
      target: '< 1500 ms',
      pass: coldStartMs === undefined ? undefined : coldStartMs < 1500
    }
  ]
}

function table (rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length))) ?? []
  return rows.map((r, ri) => {
    const line = r.map((cell, i) => i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)).join('  ')
    return ri === 0 ? `${line}\n${widths.map(w => '-'.repeat(w)).join('  ')}` : line
  }).join('\n')
}

export function formatReport (report: RunReport): string {
  const m = report.machine
  const out: string[] = [
    '',
    `modular-cms bench — ${report.db.dialect} (${report.db.version}), ${report.size.toLocaleString('en')} articles (${report.dataset.publishedCount.toLocaleString('en')} published)`,
    `${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, node ${m.node}; load average ${m.loadAverageAtStart.join(' ')} → ${m.loadAverageAtEnd.join(' ')}`,
    `${report.settings.connections} connections, ${report.settings.duration} s per scenario (+${report.settings.warmup} s warm-up)` +
      (report.seed.skipped ? '; dataset already seeded' : `; seeded ${report.seed.added.toLocaleString('en')} articles in ${report.seed.seconds.toFixed(1)} s (${round(report.seed.articlesPerSecond)} articles/s, ${round(report.seed.rowsPerSecond)} rows/s)`),
    ''
  ]
  const rows = [['scenario', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'SQL/req', 'RSS MB', 'CPU ms/req', 'ceiling', 'req/s', 'p50 ms', 'CPU ms/req', 'ratio', 'CPU ratio']]
  for (const r of report.scenarios) {
    rows.push([
      r.title + (r.cms.check === 'ok' ? '' : ` [${r.cms.check}]`),
      num(r.cms.requestsPerSecond, r.cms.requestsPerSecond < 10 ? 2 : 0),
      num(r.cms.p50, 1),
      num(r.cms.p99, 1),
      String(r.cms.non2xx + r.cms.errors),
      r.cms.sqlStatements === undefined ? '-' : String(r.cms.sqlStatements),
      num(r.cms.peakRssMb),
      fixed(r.cms.cpuMsPerRequest),
      r.ceiling?.title ?? '',
      r.ceiling ? String(round(r.ceiling.requestsPerSecond)) : '',
      r.ceiling ? String(round(r.ceiling.p50, 1)) : '',
      r.ceiling ? fixed(r.ceiling.cpuMsPerRequest) : '',
      r.ratio === undefined ? '' : r.ratio.toFixed(2),
      r.cpuRatio === undefined ? '' : fixed(r.cpuRatio)
    ])
  }
  out.push(table(rows), '')
  const c = report.ceilingServer
  out.push(`CMS: cold start to first 200 ${report.coldStartMs.map(ms => `${round(ms)} ms`).join(', ')}; RSS after start ${report.idleRssMb.map(mb => `${round(mb)} MB`).join(', ')}, peak ${round(report.peakRssMb)} MB`)
  out.push(`ceiling server (fastify + driver, plain node like the CMS, for scale): cold start ${round(c.coldStartMs)} ms; RSS after start ${round(c.idleRssMb)} MB, peak ${round(c.peakRssMb)} MB`)
  if (report.serverWarnings.length > 0) out.push(`server warnings: ${report.serverWarnings.join('; ')}`)
  out.push('')
  const targetRows = [['target (issue 7)', 'value', 'target', '']]
  for (const t of report.targets) targetRows.push([t.name, t.display, t.target, t.pass === undefined ? 'n/a' : t.pass ? 'PASS' : 'MISS'])
  out.push(table(targetRows), '')
  return out.join('\n')
}

export function writeReport (rootDir: string, report: RunReport): string {
  const dir = join(rootDir, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  const stamp = report.startedAt.replace(/[:.]/g, '-')
  const file = join(dir, `${stamp}-${report.db.dialect}-${sizeLabel(report.size)}.json`)
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
  return file
}
