#!/usr/bin/env node
// The `cms` command: loads TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../core/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
