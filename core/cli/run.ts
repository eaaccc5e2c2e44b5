// The cms process entry point: runs the CLI on the process's arguments and sets the exit code.
// bin/cms.js imports it from sources (through tsx); `npm start` runs its build, dist/core/cli/run.js.
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2))
