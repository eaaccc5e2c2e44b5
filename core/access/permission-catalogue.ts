// Every permission that exists: core's and the modules' (registry) plus those generated at runtime
// by other subsystems (kernel.permissionProviders, e.g. per content type and workflow transition).
import type { Kernel } from '../kernel/kernel.js'
import { ACCESS_CONTENT, ADMINISTER_CONTENT_TYPES, BYPASS_CONTENT_ACCESS } from './content-permissions.js'

export interface PermissionInfo { name: string, title: string, description?: string, module: string, restrictAccess?: boolean }

export const CORE_PERMISSIONS = [
  { name: 'administer users', title: 'Administer users', description: 'Create, edit, block and delete users and API tokens.', restrictAccess: true },
  { name: 'administer roles', title: 'Administer roles and permissions', description: 'Create roles and choose their permissions.', restrictAccess: true },
  { name: ACCESS_CONTENT, title: 'View published content', description: 'Read published content through the content API.' },
  { name: ADMINISTER_CONTENT_TYPES, title: 'Administer content types', description: 'Create, change and delete content types.', restrictAccess: true },
  { name: BYPASS_CONTENT_ACCESS, title: 'Bypass content access control', description: 'View, edit and delete all content whatever its status or owner.', restrictAccess: true }
] as const

/** Declares core's permissions (boot phase `register`). */
export function registerCorePermissions (kernel: Kernel): void {
  for (const permission of CORE_PERMISSIONS) kernel.registries.permissions.add('core', permission.name, { ...permission })
}

/** Sorted by module, then name; a name declared twice keeps its first declaration. */
export function listPermissions (kernel: Kernel): PermissionInfo[] {
  const byName = new Map<string, PermissionInfo>()
  for (const { key, module, value } of kernel.registries.permissions.list()) {
    byName.set(key, { ...value, name: key, module })
  }
  for (const provider of kernel.permissionProviders) {
    for (const permission of provider()) {
      if (!byName.has(permission.name)) byName.set(permission.name, { ...permission })
    }
  }
  return [...byName.values()].sort((a, b) => a.module.localeCompare(b.module) || a.name.localeCompare(b.name))
}

export function permissionNames (kernel: Kernel): Set<string> {
  return new Set(listPermissions(kernel).map(p => p.name))
}
