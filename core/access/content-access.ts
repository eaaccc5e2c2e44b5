// Item-level access: core answers from the actor's permissions, then modules may answer through
// the content.access hook; forbid wins, otherwise any allow grants. Default deny.
import type { HookBus } from '../hooks/hook-bus.js'
import { CmsError } from '../errors/cms-error.js'
import type { CompiledType } from '../content/compiled-type.js'
import type { ContentItem } from '../content/content-item.js'
import { hasPermission, type Actor } from './actor.js'
import type { AccessAnswer, ContentAccessOperation } from './content-access-types.js'
import { ACCESS_CONTENT, BYPASS_CONTENT_ACCESS, typePermissions } from './content-permissions.js'

function isOwner (actor: Actor, item: ContentItem | undefined): boolean {
  return actor.userId !== null && item?.uid === actor.userId
}

function coreAnswer (actor: Actor, operation: ContentAccessOperation, type: CompiledType, item: ContentItem | undefined): AccessAnswer {
  const p = typePermissions(type.id)
  const can = (permission: string) => hasPermission(actor, permission)
  const own = isOwner(actor, item)
  const view = () => (item?.status === true && can(ACCESS_CONTENT)) || can(p.viewUnpublished) || (own && can(p.editOwn))
  const update = () => can(p.editAny) || (own && can(p.editOwn))
  switch (operation) {
    case 'view': return view() ? 'allow' : 'neutral'
    case 'create': return can(p.create) ? 'allow' : 'neutral'
    case 'update': return update() ? 'allow' : 'neutral'
    case 'delete': return can(p.deleteAny) || (own && can(p.deleteOwn)) ? 'allow' : 'neutral'
    case 'view revisions': return can(p.viewRevisions) && view() ? 'allow' : 'neutral'
    case 'revert': return can(p.revertRevisions) && update() ? 'allow' : 'neutral'
  }
}

/** Who may set the published status directly (types without a workflow). */
export function mayPublish (actor: Actor, typeId: string): boolean {
  return hasPermission(actor, BYPASS_CONTENT_ACCESS) || hasPermission(actor, typePermissions(typeId).editAny)
}

export async function contentAccess (
  hooks: HookBus, actor: Actor, operation: ContentAccessOperation, type: CompiledType, item?: ContentItem
): Promise<boolean> {
  if (hasPermission(actor, BYPASS_CONTENT_ACCESS)) return true
  const question = { operation, actor, type, item, answers: [coreAnswer(actor, operation, type, item)] }
  const answered = hooks.has('content.access') ? await hooks.filter('content.access', question) : question
  if (answered.answers.includes('forbid')) return false
  return answered.answers.includes('allow')
}

/** Throws 403 (or 404 for items the caller may not even see) unless access is granted. */
export async function assertContentAccess (
  hooks: HookBus, actor: Actor, operation: ContentAccessOperation, type: CompiledType, item?: ContentItem
): Promise<void> {
  if (await contentAccess(hooks, actor, operation, type, item)) return
  if (item && operation !== 'view' && !(await contentAccess(hooks, actor, 'view', type, item))) {
    throw new CmsError('NOT_FOUND', `No ${type.id} with id ${item.id}`)
  }
  throw new CmsError('FORBIDDEN', `You may not ${operation} ${type.id} content${item ? ` ${item.id}` : ''}`)
}
