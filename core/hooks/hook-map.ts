// The typed hook map. Core declares its hooks here; modules add theirs by declaration merging:
//   declare module '../../core/index.js' { interface HookMap { 'my.hook': ActionHook<Payload> } }
// so a misspelled hook name or a wrong handler signature does not compile.
import type { ContentTypeDefinition } from '../content/definition-types.js'
import type { ContentCommitted, ContentEvent } from '../content/content-event.js'
import type { ContentAccessQuestion } from '../access/content-access-types.js'

/** Runs in order; each handler may return a replacement value. */
export interface FilterHook<T> { kind: 'filter', payload: T }
/** Runs in order inside the caller's transaction; a throw aborts the operation. */
export interface ActionHook<T> { kind: 'action', payload: T }
/** Runs after COMMIT; a failure is logged and never undoes the write. */
export interface AfterCommitHook<T> { kind: 'afterCommit', payload: T }

export type AnyHook = FilterHook<unknown> | ActionHook<unknown> | AfterCommitHook<unknown>

export interface KernelReadyPayload { modules: readonly string[] }

export interface HookMap {
  /** Every module has registered and the registries are frozen. */
  'kernel.ready': ActionHook<KernelReadyPayload>
  /** Alter a content type definition before it is compiled. */
  'content.type.alter': FilterHook<ContentTypeDefinition>
  /** Check an item before it is written; throw validationError() to refuse with 422. */
  'content.validate': ActionHook<ContentEvent>
  /** Adjust the item before it is written (mutate event.item.values or return a new event). */
  'content.presave': FilterHook<ContentEvent>
  /** The item row and its revision are written; still inside the transaction. */
  'content.insert': ActionHook<ContentEvent>
  'content.update': ActionHook<ContentEvent>
  'content.delete': ActionHook<ContentEvent>
  /** After COMMIT of any content write: caches, webhooks, search index. */
  'content.afterCommit': AfterCommitHook<ContentCommitted>
  /** Item-level access answers; any 'forbid' wins, else any 'allow' grants. */
  'content.access': FilterHook<ContentAccessQuestion>
}

export type HookName = keyof HookMap
export type HookPayload<N extends HookName> = HookMap[N] extends { payload: infer P } ? P : never
export type HookKindOf<N extends HookName> = HookMap[N] extends { kind: infer K } ? K : never

export type HookHandler<N extends HookName> = HookKindOf<N> extends 'filter'
  ? (value: HookPayload<N>) => HookPayload<N> | undefined | Promise<HookPayload<N> | undefined>
  : (payload: HookPayload<N>) => void | Promise<void>

export interface HookOptions {
  /** Run before the handlers of these modules. */
  before?: string[]
  /** Run after the handlers of these modules. */
  after?: string[]
  /** Run first or last among this hook's handlers (before/after still apply). */
  position?: 'first' | 'last'
}
