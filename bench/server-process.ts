// A server under test as a separate process: spawn, time to the first 200 response, RSS samples
// from /proc/<pid>/status (VmRSS now, VmHWM the peak), and a graceful stop (SIGTERM, so that
// --cpu-prof gets to write its profile).
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export interface MemorySample { rssMb: number, hwmMb: number }

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100

/** CPU time (user + system) the process has used, in milliseconds. */
export function readCpuMs (pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may contain spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 1000 / USER_HZ
  } catch {
    return NaN
  }
}

export function readMemory (pid: number): MemorySample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 }
  } catch {
    return undefined
  }
}

export interface StartOptions {
  name: string
  args: string[]
  env: Record<string, string>
  cwd: string
  /** URL polled until it answers 200. */
  readyUrl: string
  /** Everything the process prints is also written here. */
  logFile?: string
  timeoutMs?: number
}

export class ServerProcess {
  readonly name: string
  readonly child: ChildProcess
  /** Spawn to first 200 response, in milliseconds. */
  coldStartMs = NaN
  private readonly output: string[] = []
  private exited: Promise<number | null>
  private sampler: NodeJS.Timeout | undefined
  private windowPeakMb = 0
  private windowCpuMs = 0
  private readonly log: WriteStream | undefined
  peakRssMb = 0

  private constructor (name: string, child: ChildProcess, logFile: string | undefined) {
    this.name = name
    this.child = child
    if (logFile) {
      mkdirSync(dirname(logFile), { recursive: true })
      this.log = createWriteStream(logFile)
    }
    const keep = (chunk: Buffer) => {
      this.log?.write(chunk)
      this.output.push(chunk.toString())
      if (this.output.length > 5000) this.output.splice(0, this.output.length - 5000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    this.exited = new Promise(resolve => child.once('exit', code => { resolve(code) }))
  }

  get pid (): number {
    return this.child.pid as number
  }

  /** The last lines the process printed (for error messages). */
  tail (lines = 30): string {
    return this.output.join('').split('\n').slice(-lines).join('\n')
  }

  static async start (options: StartOptions): Promise<ServerProcess> {
    const startedAt = performance.now()
    const child = spawn(process.execPath, options.args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const server = new ServerProcess(options.name, child, options.logFile)
    let exitCode: number | null | undefined
    void server.exited.then(code => { exitCode = code })
    const deadline = startedAt + (options.timeoutMs ?? 60_000)
    for (;;) {
      if (exitCode !== undefined) throw new Error(`${options.name} exited (${String(exitCode)}) before answering:\n${server.tail()}`)
      if (performance.now() > deadline) {
        await server.stop()
        throw new Error(`${options.name} did not answer 200 on ${options.readyUrl} within ${options.timeoutMs ?? 60_000} ms:\n${server.tail()}`)
      }
      try {
        const response = await fetch(options.readyUrl)
        await response.arrayBuffer()
        if (response.status === 200) break
      } catch {}
      await sleep(5)
    }
    server.coldStartMs = performance.now() - startedAt
    server.sampler = setInterval(() => { server.sample() }, 100)
    server.sampler.unref()
    return server
  }

  private sample (): MemorySample | undefined {
    const memory = readMemory(this.pid)
    if (memory) {
      this.windowPeakMb = Math.max(this.windowPeakMb, memory.rssMb)
      this.peakRssMb = Math.max(this.peakRssMb, memory.rssMb, memory.hwmMb)
    }
    return memory
  }

  /** Starts a new measurement window (peak RSS, CPU time); returns the current RSS. */
  resetWindow (): number {
    this.windowPeakMb = 0
    this.windowCpuMs = readCpuMs(this.pid)
    return this.sample()?.rssMb ?? NaN
  }

  /**
   * Waits until the process is idle (under 10% of a core over 250 ms, at most timeoutMs), so
   * that requests still queued from one run do not count against the next.
   */
  async settle (timeoutMs = 10_000): Promise<void> {
    const deadline = performance.now() + timeoutMs
    while (performance.now() < deadline) {
      const before = readCpuMs(this.pid)
      await sleep(250)
      if (!(readCpuMs(this.pid) - before > 25)) return
    }
  }

  /** CPU milliseconds the process used since resetWindow(). */
  windowCpu (): number {
    return readCpuMs(this.pid) - this.windowCpuMs
  }

  /** Peak RSS sampled since resetWindow(). */
  windowPeak (): number {
    this.sample()
    return this.windowPeakMb
  }

  async stop (timeoutMs = 20_000): Promise<number | null> {
    this.sample()
    clearInterval(this.sampler)
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => { this.child.kill('SIGKILL') }, timeoutMs)
    const code = await this.exited
    clearTimeout(timer)
    await new Promise<void>(resolve => { if (this.log) this.log.end(resolve); else resolve() })
    return code
  }
}
