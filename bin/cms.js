#!/usr/bin/env node
// The `cms` command from sources: loads TypeScript through tsx, then runs the CLI. `npm start`
// runs the built JavaScript instead (dist/core/cli/run.js, see scripts/build.mjs).
import { register } from 'tsx/esm/api'

register()
await import('../core/cli/run.ts')
