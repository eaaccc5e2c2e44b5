// A real `cms serve` process: on SIGTERM it stops accepting, finishes in-flight requests and exits 0.
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { join } from 'node:path'
import t from 'tap'
import { eachDatabase } from '../helpers/each-database.js'
import { ROOT_DIR } from '../helpers/boot.js'
import { CORE_URL, childEnv, createSiteRoot, siteEnv } from '../helpers/site-root.js'

const SLOW_MODULE = `import { defineModule } from '${CORE_URL}'
export default defineModule({
  name: 'slow', version: '1.0.0', core: '^0.1.0',
  register (ctx) {
    ctx.routes.add(app => {
      app.get('/slow', async request => {
        const ms = Number((request.query as { ms?: string }).ms ?? 1000)
        process.stdout.write('slow request started\\n')
        await new Promise(resolve => setTimeout(resolve, ms))
        return { slept: ms }
      })
    })
  }
})
`

interface Answer { status: number, body: string, at: number }

/** One GET on a fresh connection (no keep-alive reuse). */
function get (url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, res => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { body += chunk })
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body, at: Date.now() }) })
    })
    req.on('error', reject)
    req.end()
  })
}

async function waitFor<T> (probe: () => T | undefined, what: string, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}

eachDatabase(t, 'SIGTERM drains in-flight requests, refuses new connections and exits 0', async (t, db) => {
  const root = createSiteRoot(t, { enabled: ['slow'], modules: { slow: SLOW_MODULE } })
  const env = childEnv(siteEnv(db, root, { CMS_PORT: '0', CMS_LOG_LEVEL: 'warn' }))
  const child = spawn(process.execPath, [join(ROOT_DIR, 'bin', 'cms.js'), 'serve'], { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  let exit: { code: number | null, signal: string | null, at: number } | undefined
  child.once('exit', (code, signal) => { exit = { code, signal, at: Date.now() } })

  const base = await waitFor(() => exit ? 'exited' : /CMS listening on (http:\/\/\S+)/.exec(stdout)?.[1], 'the server to listen')
  if (base === 'exited') throw new Error(`the server exited early: ${stderr}`)
  t.equal((await get(`${base}/health`)).status, 200, 'serving')

  const inflight = get(`${base}/slow?ms=1500`)
  inflight.catch(() => {}) // awaited below; this only keeps an early failure from going unhandled
  await waitFor(() => stdout.includes('slow request started') || undefined, 'the slow request to start', 5000)
  const signalledAt = Date.now()
  child.kill('SIGTERM')

  // While closing, a new connection may be reset unanswered or answered 503 (caught between
  // accept and close); once the listener is closed it is refused outright. Never served again.
  let refusedAt: number | undefined
  let servedAfterClosing = false
  let closing = false
  while (refusedAt === undefined && Date.now() - signalledAt < 1200) {
    try {
      const answer = await get(`${base}/health`)
      if (answer.status === 503) closing = true
      else if (closing) servedAfterClosing = true
      await new Promise(resolve => setTimeout(resolve, 20))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (code === 'ECONNREFUSED') refusedAt = Date.now()
      else if (code === 'ECONNRESET' || code === 'EPIPE') closing = true
      else throw error
    }
  }
  t.ok(refusedAt, 'new connections are refused after SIGTERM')
  t.notOk(servedAfterClosing, 'nothing new was served once closing began')

  const answer = await inflight
  t.equal(answer.status, 200, 'the in-flight request completed')
  t.same(JSON.parse(answer.body), { slept: 1500 })
  t.ok(refusedAt !== undefined && refusedAt < answer.at, 'refusing began while the request was still in flight')

  const done = await waitFor(() => exit, 'the process to exit', 10000)
  t.equal(done.code, 0, 'exit code 0', { stderr })
  t.equal(done.signal, null, 'exited by itself, not killed by the signal')
  t.ok(done.at - signalledAt < 10000, `exited ${done.at - signalledAt} ms after SIGTERM`)
})
