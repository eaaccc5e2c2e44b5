// Runs the CLI in-process (main with captured io) or as a real `node bin/cms.js` child process.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { main } from '../../core/cli/main.js'
import { ROOT_DIR } from './boot.js'
import { childEnv } from './site-root.js'

export interface CliResult { code: number, stdout: string, stderr: string }

export async function runCli (argv: string[], env: Record<string, string>): Promise<CliResult> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { stdout: line => { out.push(line) }, stderr: line => { err.push(line) } }, env)
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

export function spawnCli (argv: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT_DIR, 'bin', 'cms.js'), ...argv], { cwd: ROOT_DIR, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
    child.on('error', reject)
    child.on('close', code => { resolve({ code: code ?? -1, stdout, stderr }) })
  })
}
