// The permission a workflow transition requires.
export function transitionPermission (workflowId: string, transitionId: string): string {
  return `use ${workflowId} transition ${transitionId}`
}
