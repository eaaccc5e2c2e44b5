// The identity boot phase: core's permissions and the session clean-up job before the modules
// register; built-in roles and the first administrator once everything is migrated.
import type { BootPhase } from '../kernel/boot-phases.js'
import { ensureFirstAdministrator } from './first-admin.js'
import { registerCorePermissions } from './permission-catalogue.js'
import { seedBuiltInRoles } from './roles/seed-roles.js'
import { pruneSessionsJob } from './sessions/prune-sessions.js'

export const identityPhase: BootPhase = {
  name: 'identity',
  register (kernel) {
    registerCorePermissions(kernel)
    kernel.registries.jobs.add('core', pruneSessionsJob.name, pruneSessionsJob)
  },
  async ready (kernel) {
    await seedBuiltInRoles(kernel.db.knex)
    await ensureFirstAdministrator(kernel)
  }
}
