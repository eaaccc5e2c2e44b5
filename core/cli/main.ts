// The `cms` command line: finds the command (core or module), parses its options, boots what it
// needs and maps the outcome to exit codes 0 (success), 1 (failure), 2 (usage).
import { parseArgs } from 'node:util'
import { bootKernel } from '../kernel/boot.js'
import { createLogger } from '../kernel/logger.js'
import type { Kernel } from '../kernel/kernel.js'
import type { CliCommand } from '../kernel/module-types.js'
import { ConfigError, loadConfig } from '../settings/load-config.js'
import { loadApp } from './commands/serve.js'
import { coreCommands } from './core-commands.js'
import { UsageError } from './usage-error.js'

export interface CliIo { stdout: (line: string) => void, stderr: (line: string) => void }

const defaultIo: CliIo = {
  stdout: line => { process.stdout.write(line + '\n') },
  stderr: line => { process.stderr.write(line + '\n') }
}

function usage (commands: readonly CliCommand[]): string {
  const lines = commands.map(c => `  ${(c.usage ?? c.name).padEnd(28)} ${c.description}`)
  return ['Usage: cms <command> [options]', '', 'Commands:', ...lines].join('\n')
}

function parse (command: CliCommand, args: string[]) {
  try {
    return parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export async function main (argv: string[], io: CliIo = defaultIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io[name === undefined ? 'stderr' : 'stdout'](usage(coreCommands))
    return name === undefined ? 2 : 0
  }
  // serve: the HTTP layer loads while the configuration loads and the kernel boots (the command
  // awaits the same import); a failure surfaces there, so this promise is only marked handled.
  if (name === 'serve') loadApp().catch(() => {})
  const rootDir = env.CMS_ROOT ?? process.cwd()
  let kernel: Kernel | undefined
  try {
    const core = coreCommands.find(c => c.name === name)
    const parsed = core ? parse(core, args) : undefined
    const config = await loadConfig(rootDir, env)
    if (core?.needs === 'none') return (await core.run({ ...io, ...(parsed as ReturnType<typeof parse>), rootDir })) ?? 0
    // Commands other than serve keep the console quiet unless something goes wrong (a quieter
    // configured level still wins), and log to stderr so that their output stays parseable.
    const { level } = config.log
    const logger = name === 'serve'
      ? createLogger(level)
      : createLogger(level === 'fatal' || level === 'error' || level === 'silent' ? level : 'warn', process.stderr)
    kernel = await bootKernel(config, { logger })
    const command = core ?? kernel.registries.commands.get(name)
    if (!command) throw new UsageError(`Unknown command "${name}"\n\n${usage([...coreCommands, ...kernel.registries.commands.values()])}`)
    const input = parsed ?? parse(command, args)
    return (await command.run({ ...io, ...input, kernel, rootDir })) ?? 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cms ${name}: ${error.message}`)
      return 2
    }
    io.stderr(error instanceof ConfigError ? error.message : `cms ${name}: ${(error as Error).message}`)
    return 1
  } finally {
    await kernel?.close()
  }
}
