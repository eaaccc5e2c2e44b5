// Core subsystems that take part in boot: each may declare into the registries before the
// modules do (register) and act once everything is frozen and migrated (ready).
import type { Kernel } from './kernel.js'
import { identityPhase } from '../access/identity-phase.js'
import { contentPhase } from '../content/content-phase.js'
import { cachePhase } from '../cache/cache-phase.js'

export interface BootPhase {
  name: string
  register? (kernel: Kernel): Promise<void> | void
  ready? (kernel: Kernel): Promise<void> | void
}

export const bootPhases: readonly BootPhase[] = [identityPhase, contentPhase, cachePhase]
