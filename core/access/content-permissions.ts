// Permission names: core's global ones and the set generated for every content type.
export const ACCESS_CONTENT = 'access content'
export const BYPASS_CONTENT_ACCESS = 'bypass content access'
export const ADMINISTER_CONTENT_TYPES = 'administer content types'
export const ADMINISTER_WORKFLOWS = 'administer workflows'
export const ADMINISTER_MODULES = 'administer modules'

export interface TypePermissions {
  create: string
  editOwn: string
  editAny: string
  deleteOwn: string
  deleteAny: string
  viewUnpublished: string
  viewRevisions: string
  revertRevisions: string
}

export function typePermissions (typeId: string): TypePermissions {
  return {
    create: `create ${typeId} content`,
    editOwn: `edit own ${typeId} content`,
    editAny: `edit any ${typeId} content`,
    deleteOwn: `delete own ${typeId} content`,
    deleteAny: `delete any ${typeId} content`,
    viewUnpublished: `view unpublished ${typeId} content`,
    viewRevisions: `view ${typeId} revisions`,
    revertRevisions: `revert ${typeId} revisions`
  }
}

/** Every generated permission of a type, with a human title, for the permission list. */
export function typePermissionList (typeId: string, label: string): Array<{ name: string, title: string }> {
  const p = typePermissions(typeId)
  return [
    { name: p.create, title: `${label}: create new content` },
    { name: p.editOwn, title: `${label}: edit own content` },
    { name: p.editAny, title: `${label}: edit any content (and publish)` },
    { name: p.deleteOwn, title: `${label}: delete own content` },
    { name: p.deleteAny, title: `${label}: delete any content` },
    { name: p.viewUnpublished, title: `${label}: view unpublished content` },
    { name: p.viewRevisions, title: `${label}: view revisions` },
    { name: p.revertRevisions, title: `${label}: revert revisions` }
  ]
}
