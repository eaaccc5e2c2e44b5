// Driving a server with autocannon, and single sample requests (status, SQL statements, size).
import autocannon, { type RequestSpec } from 'autocannon'
import type { ServerProcess } from './server-process.js'

export interface LoadSpec {
  /** Base URL of the server (http://127.0.0.1:port). */
  origin: string
  path: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Builds request n's body (POST) or path (GET) when requests must differ. */
  vary?: { body?: (n: number) => string, path?: (n: number) => string }
}

export interface LoadFigures {
  requestsPerSecond: number
  /** Milliseconds. */
  p50: number
  p99: number
  mean: number
  requests: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  peakRssMb: number
  /** Server CPU time (user + system) per successful request, in milliseconds. */
  cpuMsPerRequest: number
  /** Server CPU time over the run's wall time (1 = one core busy). */
  cpuUtilisation: number
}

export interface LoadSettings { connections: number, duration: number, warmup: number }

/** Request numbers keep counting across the warm-up and the measured run (unique titles). */
const counters = new WeakMap<LoadSpec, { n: number }>()

function requestSpecs (spec: LoadSpec): RequestSpec[] {
  const vary = spec.vary
  if (!vary) return [{ method: spec.method ?? 'GET', path: spec.path }]
  let counter = counters.get(spec)
  if (!counter) counters.set(spec, counter = { n: 0 })
  const state = counter
  return [{
    method: spec.method ?? 'GET',
    path: spec.path,
    setupRequest: request => {
      const i = state.n++
      if (vary.path) request.path = vary.path(i)
      if (vary.body) request.body = vary.body(i)
      return request
    }
  }]
}

async function fire (spec: LoadSpec, connections: number, duration: number) {
  return autocannon({
    url: spec.origin,
    connections,
    duration,
    timeout: 30,
    headers: spec.headers ?? {},
    requests: requestSpecs(spec)
  })
}

/** A short warm-up (not recorded), then the measured run with RSS sampled on the server. */
export async function measure (server: ServerProcess | undefined, spec: LoadSpec, settings: LoadSettings): Promise<LoadFigures> {
  if (settings.warmup > 0) await fire(spec, settings.connections, settings.warmup)
  await server?.settle()
  server?.resetWindow()
  const result = await fire(spec, settings.connections, settings.duration)
  const cpuMs = server ? server.windowCpu() : NaN
  await server?.settle()
  const statusCodes: Record<string, number> = {}
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = Number(count)
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    peakRssMb: server ? server.windowPeak() : NaN,
    cpuMsPerRequest: result['2xx'] > 0 ? cpuMs / result['2xx'] : NaN,
    cpuUtilisation: cpuMs / (result.duration * 1000)
  }
}

export interface Sample {
  status: number
  /** Time to the whole response, in milliseconds. */
  ms: number
  sqlStatements: number | undefined
  cache: string | undefined
  bytes: number
  json: unknown
}

/** One request outside the load run: what the server answers and how many SQL statements it ran. */
export async function sample (url: string, init: RequestInit = {}): Promise<Sample> {
  const started = performance.now()
  // The CMS counts a request's SQL statements only when asked (the counter has a cost).
  const headers = { ...init.headers as Record<string, string> | undefined, 'x-sql-statements': 'count' }
  const response = await fetch(url, { ...init, headers })
  const text = await response.text()
  const ms = performance.now() - started
  const sql = response.headers.get('x-sql-statements')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {}
  return {
    status: response.status,
    ms,
    sqlStatements: sql === null ? undefined : Number(sql),
    cache: response.headers.get('x-cache') ?? undefined,
    bytes: Buffer.byteLength(text),
    json
  }
}
