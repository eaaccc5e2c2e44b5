// cms cron:run: run the scheduled jobs that are due (once cluster-wide), then exit.
import { runDueJobs } from '../../jobs/run-due-jobs.js'
import type { CliCommand } from '../../kernel/module-types.js'

export const cronRunCommand: CliCommand = {
  name: 'cron:run',
  description: 'Run due scheduled jobs (--force: ignore intervals)',
  options: { force: { type: 'boolean' } },
  needs: 'kernel',
  async run ({ kernel, stdout, values }) {
    if (!kernel) return 1
    const results = await runDueJobs(kernel, { force: values.force === true })
    for (const r of results) stdout(`${r.name}: ${r.status}${r.error ? ` (${r.error})` : ''}`)
    if (results.length === 0) stdout('No scheduled jobs.')
    return results.some(r => r.status === 'failed') ? 1 : 0
  }
}
