// Summarises a V8 .cpuprofile (from --cpu-prof): where the time went by package or core folder
// (self time) and by function (self and inclusive). Also runnable on its own:
//   npx tsx bench/profile-summary.ts [--skip=<ms>] [--until=<ms>] bench/results/prof/<file>.cpuprofile
// (--skip=<cold start ms> leaves start-up out; --until=<cold start ms> shows start-up alone).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

interface CallFrame { functionName: string, url: string, lineNumber: number }
interface ProfileNode { id: number, callFrame: CallFrame, children?: number[] }
interface CpuProfile { nodes: ProfileNode[], samples: number[], timeDeltas: number[] }

export interface ProfileSummary {
  file: string
  totalMs: number
  /** Self time per package / core folder, percent of the samples that were not idle. */
  areas: Array<{ area: string, selfPercent: number }>
  selfTop: Array<{ fn: string, selfPercent: number }>
  inclusiveTop: Array<{ fn: string, inclusivePercent: number }>
}

/** node_modules/<pkg>, core/<folder>, modules/<name>, node internals, or a V8 pseudo-frame. */
export function areaOf (url: string, functionName: string): string {
  if (url === '') return `(${functionName.replace(/[()]/g, '') || 'native'})`
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1] as string
  if (url.startsWith('node:')) return 'node:' + (url.slice(5).split('/')[0] ?? '')
  const local = /\/(core\/[^/]+|modules\/[^/]+|bench|bin|migrations)\//.exec(url)
  if (local) return local[1] as string
  return url
}

function label (frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*?\/(core|modules|bench)\//, '$1/')
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
}

const PSEUDO = new Set(['(idle)', '(program)', '(root)'])

/**
 * skipMs leaves out the first milliseconds of the profile (process start-up and boot); untilMs
 * stops there (to look at start-up alone).
 */
export function summarizeProfile (file: string, top = 15, skipMs = 0, untilMs = Infinity): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const areas = new Map<string, number>()
  let busy = 0
  let total = 0
  let elapsed = 0
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000
    elapsed += delta
    if (elapsed < skipMs || elapsed > untilMs) return
    total += delta
    const node = byId.get(id)
    if (!node || node.callFrame.functionName === '(idle)') return
    busy += delta
    const area = areaOf(node.callFrame.url, node.callFrame.functionName)
    areas.set(area, (areas.get(area) ?? 0) + delta)
    const key = label(node.callFrame)
    self.set(key, (self.get(key) ?? 0) + delta)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = (byId.get(at) as ProfileNode).callFrame
      if (PSEUDO.has(frame.functionName) || frame.url === '') continue
      const k = label(frame)
      if (seen.has(k)) continue
      seen.add(k)
      inclusive.set(k, (inclusive.get(k) ?? 0) + delta)
    }
  })
  const percent = (ms: number) => Math.round(ms / (busy || 1) * 1000) / 10
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
  return {
    file,
    totalMs: Math.round(total),
    areas: sorted(areas).map(([area, ms]) => ({ area, selfPercent: percent(ms) })),
    selfTop: sorted(self).map(([fn, ms]) => ({ fn, selfPercent: percent(ms) })),
    inclusiveTop: sorted(inclusive).map(([fn, ms]) => ({ fn, inclusivePercent: percent(ms) }))
  }
}

export function formatSummary (summary: ProfileSummary): string {
  const lines = [`profile ${summary.file} (${(summary.totalMs / 1000).toFixed(1)} s; percentages of non-idle time)`, '  self time by area:']
  for (const a of summary.areas) lines.push(`    ${a.selfPercent.toFixed(1).padStart(5)}%  ${a.area}`)
  lines.push('  self time by function:')
  for (const f of summary.selfTop) lines.push(`    ${f.selfPercent.toFixed(1).padStart(5)}%  ${f.fn}`)
  lines.push('  inclusive time by function:')
  for (const f of summary.inclusiveTop) lines.push(`    ${f.inclusivePercent.toFixed(1).padStart(5)}%  ${f.fn}`)
  return lines.join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2)
  const option = (name: string) => {
    const i = args.findIndex(a => a.startsWith(`--${name}=`))
    return i < 0 ? undefined : Number(args.splice(i, 1)[0]?.slice(name.length + 3))
  }
  const skip = option('skip') ?? 0
  const until = option('until') ?? Infinity
  for (const file of args) process.stdout.write(formatSummary(summarizeProfile(file, 30, skip, until)) + '\n\n')
}
