// How production runs the CMS, so that the bench measures exactly that: build the JavaScript
// (npm run build), then the node arguments of package.json's `start` script.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Runs scripts/build.mjs (what `npm run build` and prestart run); returns its one-line summary. */
export function buildServers (rootDir: string): string {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: rootDir, encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stderr}`)
  return built.stderr.trim()
}

/** The arguments after `node` in scripts.start (e.g. V8 flags, dist/core/cli/run.js, serve). */
export function startArgs (rootDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  const [command, ...args] = (pkg.scripts?.start ?? '').trim().split(/\s+/)
  if (command !== 'node' || args.length === 0) throw new Error(`package.json scripts.start must be "node <args>" for the bench to run it (found "${pkg.scripts?.start ?? ''}")`)
  return args
}
