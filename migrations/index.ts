// Core migrations, applied in this order before any module's.
import type { Migration } from '../core/db/migrator.js'
import { kernelTables } from './001-kernel.js'
import { identityTables } from './002-identity.js'
import { workflowTables } from './003-workflows.js'

export const coreMigrations: readonly Migration[] = [kernelTables, identityTables, workflowTables]
