// npm run build: transpiles the server's TypeScript (core, modules, migrations, the site and bench
// configurations, the bench ceiling server) to plain ESM JavaScript in dist/, mirroring the tree,
// so that `npm start` runs without a TypeScript loader. One file per source, no bundling: modules
// must import the same core instance. Usage: node scripts/build.mjs [--outdir DIR]
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(rootDir, 'dist') } } })
const outdir = resolve(values.outdir)

/** Directories built whole, and single files; tests and type declarations are left out. */
const trees = ['core', 'modules', 'migrations']
const files = ['cms.config.ts', 'bench/cms.config.ts', 'bench/ceiling-server.ts', 'bench/seed-constants.ts']
// The site configuration npm start will load (prestart sees the same environment).
const siteConfig = process.env.CMS_CONFIG ? relative(rootDir, resolve(rootDir, process.env.CMS_CONFIG)) : ''
if (siteConfig.endsWith('.ts') && !siteConfig.startsWith('..') && !isAbsolute(siteConfig)) files.push(siteConfig)

function sources () {
  const found = files.filter(file => existsSync(join(rootDir, file)))
  for (const tree of trees) {
    for (const entry of readdirSync(join(rootDir, tree), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts') || entry.name.endsWith('.test.ts')) continue
      found.push(relative(rootDir, join(entry.parentPath ?? entry.path, entry.name)))
    }
  }
  return found
}

// Built next to the target and swapped in at the end with renames only, so that a server started
// from the previous build never sees a half-written tree. Two builds at once (npm start next to a
// bench run): the later rename may meet the other's fresh tree, which is then moved aside too.
function swapIn (from, to) {
  for (let attempt = 1; ; attempt++) {
    const aside = `${to}.old-${process.pid}-${attempt}`
    try {
      renameSync(to, aside)
    } catch (error) {
      if (error.code !== 'ENOENT') throw error
    }
    try {
      renameSync(from, to)
      return
    } catch (error) {
      if (attempt === 5 || !['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error
    } finally {
      rmSync(aside, { recursive: true, force: true })
    }
  }
}

const staging = `${outdir}.tmp-${process.pid}`
const startedAt = performance.now()
try {
  const entryPoints = sources()
  await build({
    absWorkingDir: rootDir,
    entryPoints,
    outdir: staging,
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning'
  })
  swapIn(staging, outdir)
  process.stderr.write(`built ${entryPoints.length} files into ${relative(process.cwd(), outdir) || '.'} in ${Math.round(performance.now() - startedAt)} ms\n`)
} catch (error) {
  rmSync(staging, { recursive: true, force: true })
  process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
