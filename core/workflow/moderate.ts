// Applies a workflow to a save: the requested moderation state must be reachable from the current
// one through a transition (422 otherwise) the actor may use (403 otherwise); the target state
// decides published status and whether the revision becomes the default one.
import { hasPermission, type Actor } from '../access/actor.js'
import { CmsError, validationError } from '../errors/cms-error.js'
import type { WorkflowDefinition } from './workflow-types.js'
import { transitionPermission } from './transition-permission.js'

export interface ModerationOutcome {
  state: string
  published: boolean
  isDefaultRevision: boolean
}

const POINTER = '/data/attributes/moderation_state'

export function findTransition (workflow: WorkflowDefinition, from: string, to: string): string | undefined {
  return Object.entries(workflow.transitions).find(([, t]) => t.to === to && t.from.includes(from))?.[0]
}

/** Transitions the actor may take from `from` (for the resource meta). */
export function openTransitions (workflow: WorkflowDefinition, from: string, actor: Actor): Array<{ id: string, label: string, to: string }> {
  return Object.entries(workflow.transitions)
    .filter(([id, t]) => t.from.includes(from) && hasPermission(actor, transitionPermission(workflow.id, id)))
    .map(([id, t]) => ({ id, label: t.label, to: t.to }))
}

/**
 * `from` is the current state (undefined on create); `currentlyPublished` whether the item's
 * default revision is published: until it is, every save stays the default revision. Errors
 * point at `pointer` (the moderation_state attribute, or /state of a schedule request).
 */
export function moderate (workflow: WorkflowDefinition, actor: Actor, from: string | undefined, requested: string | undefined, currentlyPublished: boolean, pointer = POINTER): ModerationOutcome {
  const origin = from ?? workflow.initialState
  const to = requested ?? origin
  const state = workflow.states[to]
  if (!state) throw validationError([{ pointer, detail: `unknown moderation state "${to}"` }])
  if (from !== undefined || to !== workflow.initialState) {
    const transition = findTransition(workflow, origin, to)
    if (!transition) throw validationError([{ pointer, detail: `no transition from "${origin}" to "${to}"` }])
    if (!hasPermission(actor, transitionPermission(workflow.id, transition))) {
      throw new CmsError('FORBIDDEN', `You may not use the transition "${transition}"`, { source: { pointer } })
    }
  }
  return { state: to, published: state.published, isDefaultRevision: state.defaultRevision || !currentlyPublished }
}
