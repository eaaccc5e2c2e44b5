// Where the site's own code (cms.config.ts, modules/<name>/index.ts) is imported from: the
// TypeScript sources when core runs from sources (bin/cms.js, tests, both through tsx), their
// JavaScript build when core itself runs built (`npm start` runs dist/, see scripts/build.mjs).
import { existsSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** This file's own extension tells: .ts under tsx, .js in the build. */
const RUNNING_BUILT = import.meta.url.endsWith('.js')

/** The build's output directory: the parent of its core/ (this file is <build>/core/settings/). */
const BUILD_DIR = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The file to import for a TypeScript source under rootDir: the source itself, or, when core runs
 * built, its build (<build>/<path relative to rootDir>.js). A source outside rootDir or without a
 * build is returned as it is (Node then refuses the .ts extension: run `npm run build`).
 */
export function importableSiteFile (rootDir: string, file: string): string {
  if (!RUNNING_BUILT || !file.endsWith('.ts')) return file
  const path = relative(rootDir, file)
  if (path.startsWith('..') || isAbsolute(path)) return file
  const built = join(BUILD_DIR, `${path.slice(0, -'.ts'.length)}.js`)
  return existsSync(built) ? built : file
}
