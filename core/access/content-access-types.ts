// Item-level access questions that modules may answer through the content.access hook.
import type { Actor } from './actor.js'
import type { ContentItem } from '../content/content-item.js'
import type { CompiledType } from '../content/compiled-type.js'

export type ContentAccessOperation = 'view' | 'create' | 'update' | 'delete' | 'view revisions' | 'revert'

export type AccessAnswer = 'allow' | 'neutral' | 'forbid'

export interface ContentAccessQuestion {
  operation: ContentAccessOperation
  actor: Actor
  type: CompiledType
  item: ContentItem | undefined
  /** Answers so far: core's own answer first, then each module's; forbid wins. */
  answers: AccessAnswer[]
}
