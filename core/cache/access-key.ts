// The part of a cache key that stands for the caller: two callers share cached responses exactly
// when every access decision made while rendering would come out the same for both.
import { createHash } from 'node:crypto'
import type { Actor } from '../access/actor.js'
import type { Kernel } from '../kernel/kernel.js'

interface PermissionDigest { digest: string, editsOwn: boolean }

/** Actors are immutable and reused (the anonymous actor per role-grant snapshot): hash each once. */
const digests = new WeakMap<Actor, PermissionDigest>()

function permissionDigest (actor: Actor): PermissionDigest {
  let entry = digests.get(actor)
  if (!entry) {
    const permissions = [...actor.permissions].sort()
    const digest = createHash('sha256').update(permissions.join('\n')).digest('base64url').slice(0, 22)
    digests.set(actor, entry = { digest, editsOwn: permissions.some(p => p.startsWith('edit own ')) })
  }
  return entry
}

/**
 * Administrators see everything; anyone else is described by their effective permission set
 * (so a changed role grant yields a new key, never a stale hit). The user id joins the key when
 * an answer can depend on who the caller is: "edit own" permissions make the row filter include
 * the caller's own unpublished items, and module access hooks or row rules may decide per user.
 */
export function accessKey (actor: Actor, kernel: Pick<Kernel, 'hooks' | 'registries'>): string {
  if (actor.isAdmin) return 'admin'
  const { digest, editsOwn } = permissionDigest(actor)
  if (actor.userId === null) return `p:${digest}`
  const moduleRules = kernel.hooks.has('content.access') || kernel.registries.rowRules.list().length > 0
  return editsOwn || moduleRules ? `p:${digest}:u:${actor.userId}` : `p:${digest}`
}
