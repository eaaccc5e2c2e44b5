// Runs the scheduled jobs that are due. A job is claimed with one atomic UPDATE on its row in
// cms_job_runs, so when several processes fire at once each due job runs exactly once.
import type { Kernel } from '../kernel/kernel.js'
import { nowDb, toDbDateTime } from '../db/dates.js'

export interface JobRunResult { name: string, status: 'ran' | 'failed' | 'skipped', error?: string }

async function claim (kernel: Kernel, name: string, intervalMs: number, force: boolean): Promise<boolean> {
  const { knex } = kernel.db
  const now = new Date()
  await knex('cms_job_runs').insert({ name, last_run_at: null }).onConflict('name').ignore()
  const dueBefore = toDbDateTime(new Date(now.getTime() - (force ? 0 : intervalMs)))
  const updated = await knex('cms_job_runs')
    .where('name', name)
    .andWhere(q => { void q.whereNull('last_run_at').orWhere('last_run_at', force ? '<' : '<=', dueBefore) })
    .update({ last_run_at: toDbDateTime(now) })
  return updated === 1
}

/** Runs every due job once; `force` ignores the interval (still one runner per job). */
export async function runDueJobs (kernel: Kernel, options: { force?: boolean } = {}): Promise<JobRunResult[]> {
  const results: JobRunResult[] = []
  for (const { value: job } of kernel.registries.jobs.list()) {
    if (!(await claim(kernel, job.name, job.intervalMs, options.force ?? false))) {
      results.push({ name: job.name, status: 'skipped' })
      continue
    }
    try {
      await job.run(kernel)
      await kernel.db.knex('cms_job_runs').where('name', job.name).update({ last_success_at: nowDb(), last_error: null })
      results.push({ name: job.name, status: 'ran' })
    } catch (error) {
      const message = (error as Error).message
      kernel.logger.error({ err: error, job: job.name }, 'scheduled job failed')
      await kernel.db.knex('cms_job_runs').where('name', job.name).update({ last_error: message.slice(0, 1000) })
      results.push({ name: job.name, status: 'failed', error: message })
    }
  }
  return results
}
