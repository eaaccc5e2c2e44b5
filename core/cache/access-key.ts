// The part of a cache key that stands for the caller: two callers share cached responses exactly
// when every access decision made while rendering would come out the same for both.
import { createHash } from 'node:crypto'
import type { Actor } from '../access/actor.js'
import type { Kernel } from '../kernel/kernel.js'

/**
 * Administrators see everything; anyone else is described by their effective permission set
 * (so a changed role grant yields a new key, never a stale hit). The user id joins the key when
 * an answer can depend on who the caller is: "edit own" permissions make the row filter include
 * the caller's own unpublished items, and module access hooks or row rules may decide per user.
 */
export function accessKey (actor: Actor, kernel: Pick<Kernel, 'hooks' | 'registries'>): string {
  if (actor.isAdmin) return 'admin'
  const permissions = [...actor.permissions].sort()
  const digest = createHash('sha256').update(permissions.join('\n')).digest('base64url').slice(0, 22)
  const moduleRules = kernel.hooks.has('content.access') || kernel.registries.rowRules.list().length > 0
  const personal = actor.userId !== null && (permissions.some(p => p.startsWith('edit own ')) || moduleRules)
  return personal ? `p:${digest}:u:${actor.userId ?? ''}` : `p:${digest}`
}
