// A workflow: states (published / default-revision flags) and transitions between them.
export interface WorkflowState {
  label: string
  /** Items in this state are published (visible to anonymous readers). */
  published: boolean
  /** Saving into this state makes the revision the default (served) one. */
  defaultRevision: boolean
}

export interface WorkflowTransition {
  label: string
  from: string[]
  to: string
}

export interface WorkflowDefinition {
  id: string
  label: string
  initialState: string
  states: Record<string, WorkflowState>
  transitions: Record<string, WorkflowTransition>
}
