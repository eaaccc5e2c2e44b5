// The production build (scripts/build.mjs): plain JavaScript that plain `node` serves, loading the
// site configuration and the modules from the build (no TypeScript loader in the process).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { ROOT_DIR, TEST_SECRET } from '../helpers/boot.js'
import { eachDatabase } from '../helpers/each-database.js'
import { childEnv } from '../helpers/site-root.js'

// Built into a throwaway directory (the project's own dist/ may be serving someone's `npm start`)
// inside the project, so that the build resolves its packages from node_modules like dist/ does.
mkdirSync(join(ROOT_DIR, 'node_modules', '.cache'), { recursive: true })
const outdir = join(mkdtempSync(join(ROOT_DIR, 'node_modules', '.cache', 'cms-build-')), 'dist')
t.teardown(() => { rmSync(join(outdir, '..'), { recursive: true, force: true }) })

t.test('the build mirrors the tree as .js files, without tests', async t => {
  const built = spawnSync(process.execPath, [join(ROOT_DIR, 'scripts', 'build.mjs'), '--outdir', outdir], { cwd: ROOT_DIR, encoding: 'utf8', env: childEnv({}) })
  t.equal(built.status, 0, built.stderr)
  for (const file of ['core/cli/run.js', 'core/index.js', 'modules/blog/index.js', 'migrations/index.js', 'cms.config.js', 'bench/cms.config.js', 'bench/ceiling-server.js']) {
    t.ok(existsSync(join(outdir, file)), file)
  }
  t.notOk(existsSync(join(outdir, 'test')), 'no tests')
  t.notOk(existsSync(join(outdir, 'core', 'cli', 'run.ts')), 'no sources')
})

eachDatabase(t, 'plain node serves from the build: config and modules come from it', async (t, db) => {
  // Nothing from the test runner (no NODE_OPTIONS, so no loader): plain node.
  const env = {
    PATH: process.env.PATH ?? '',
    CMS_DATABASE_URL: db.url,
    CMS_DATA_DIR: db.dataDir,
    CMS_JWT_SECRET: TEST_SECRET,
    CMS_PORT: '0',
    CMS_LOG_LEVEL: 'warn',
    CMS_DEMO_CONTENT: 'false',
    CMS_ADMIN_EMAIL: 'admin@example.com',
    CMS_ADMIN_PASSWORD: 'build-test-password-0123'
  }
  const child = spawn(process.execPath, [join(outdir, 'core', 'cli', 'run.js'), 'serve'], { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  const exited = new Promise<number | null>(resolve => child.once('exit', resolve))

  const deadline = Date.now() + 30_000
  let base: string | undefined
  while (!(base = /CMS listening on (http:\/\/\S+)/.exec(stdout)?.[1])) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the built server did not start: ${stderr}`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  t.equal((await fetch(`${base}/health/ready`)).status, 200, 'ready')
  // cms.config.ts enables blog, editorial, pathauto and greeting: each is loaded from its build.
  const modules = await fetch(`${base}/jsonapi/article`)
  t.equal(modules.status, 200, 'the blog module\'s content type is served')
  child.kill('SIGTERM')
  t.equal(await exited, 0, 'exits cleanly')
  t.equal(stderr, '', 'nothing on stderr')
})
