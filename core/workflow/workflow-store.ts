// Workflows at runtime: declared by modules in code or created through /admin/api/workflows
// (stored in cms_workflows), validated (states exist, transitions connect them) in one registry.
import type { Kernel } from '../kernel/kernel.js'
import { nowDb } from '../db/dates.js'
import { CmsError, validationError } from '../errors/cms-error.js'
import { bodyValidator } from '../http/body-validator.js'
import type { WorkflowDefinition } from './workflow-types.js'
import { workflowSchema } from './workflow-schema.js'

const validateShape = bodyValidator<WorkflowDefinition>(workflowSchema as unknown as Record<string, unknown>)

/** Shape and meaning: the initial state and every transition end must be declared states. */
export function validateWorkflow (input: unknown): WorkflowDefinition {
  const workflow = validateShape(input)
  const violations = []
  if (!workflow.states[workflow.initialState]) violations.push({ pointer: '/initialState', detail: `no state "${workflow.initialState}"` })
  for (const [id, t] of Object.entries(workflow.transitions)) {
    if (!workflow.states[t.to]) violations.push({ pointer: `/transitions/${id}/to`, detail: `no state "${t.to}"` })
    t.from.forEach((from, i) => { if (!workflow.states[from]) violations.push({ pointer: `/transitions/${id}/from/${i}`, detail: `no state "${from}"` }) })
  }
  if (violations.length > 0) throw validationError(violations)
  return workflow
}

export class WorkflowStore {
  private readonly runtime = new Map<string, WorkflowDefinition>()
  private readonly kernel: Kernel

  constructor (kernel: Kernel) {
    this.kernel = kernel
  }

  get (id: string): WorkflowDefinition | undefined {
    return this.kernel.registries.workflows.get(id) ?? this.runtime.get(id)
  }

  owner (id: string): string | undefined {
    return this.kernel.registries.workflows.owner(id) ?? (this.runtime.has(id) ? 'core' : undefined)
  }

  list (): Array<{ module: string, definition: WorkflowDefinition, runtime: boolean }> {
    const code = this.kernel.registries.workflows.list().map(e => ({ module: e.module, definition: e.value, runtime: false }))
    const runtime = [...this.runtime.values()].map(definition => ({ module: 'core', definition, runtime: true }))
    return [...code, ...runtime].sort((a, b) => a.definition.id.localeCompare(b.definition.id))
  }

  async load (): Promise<void> {
    for (const { value } of this.kernel.registries.workflows.list()) validateWorkflow(value)
    const rows = await this.kernel.db.knex('cms_workflows').select('id', 'definition') as Array<{ id: string, definition: string }>
    for (const row of rows) if (!this.kernel.registries.workflows.has(row.id)) this.runtime.set(row.id, JSON.parse(row.definition) as WorkflowDefinition)
  }

  async save (input: unknown, create: boolean): Promise<WorkflowDefinition> {
    const workflow = validateWorkflow(input)
    if (this.kernel.registries.workflows.has(workflow.id)) throw new CmsError('CONFLICT', `Workflow "${workflow.id}" is declared by module ${this.kernel.registries.workflows.owner(workflow.id) ?? ''}; change it in code`)
    if (create && this.runtime.has(workflow.id)) throw new CmsError('CONFLICT', `Workflow "${workflow.id}" already exists`)
    const previous = create ? undefined : this.runtime.get(workflow.id)
    if (previous) await this.assertStatesUnused(workflow.id, Object.keys(previous.states).filter(s => !workflow.states[s]))
    const row = { id: workflow.id, definition: JSON.stringify(workflow), changed_at: nowDb() }
    await this.kernel.db.knex('cms_workflows').insert(row).onConflict('id').merge(['definition', 'changed_at'])
    this.runtime.set(workflow.id, workflow)
    return workflow
  }

  /** A replacement may not drop a state that items are in (their default or their latest revision). */
  private async assertStatesUnused (id: string, dropped: string[]): Promise<void> {
    if (dropped.length === 0) return
    const { knex } = this.kernel.db
    for (const type of this.kernel.contentTypes.list().filter(t => t.definition.workflow === id)) {
      const current = await knex(type.table).whereIn('moderation_state', dropped).first('id')
      const pending = type.revisions
        ? await knex(`${type.revisionTable} as r`).join(`${type.table} as i`, 'i.latest_rev', 'r.rev').whereIn('r.moderation_state', dropped).first('r.id')
        : undefined
      if (current || pending) {
        throw new CmsError('CONFLICT', `${type.id} content is in a state this change removes (${dropped.join(', ')}); move it out first`, { source: { pointer: '/states' } })
      }
    }
  }

  /** Refused while a content type uses it; returns the removed workflow. */
  async remove (id: string): Promise<WorkflowDefinition> {
    const workflow = this.runtime.get(id)
    if (!workflow) {
      if (this.kernel.registries.workflows.has(id)) throw new CmsError('CONFLICT', `Workflow "${id}" is declared in code by a module`)
      throw new CmsError('NOT_FOUND', `No workflow "${id}"`)
    }
    const users = this.kernel.contentTypes.list().filter(t => t.definition.workflow === id).map(t => t.id)
    if (users.length > 0) throw new CmsError('CONFLICT', `Workflow "${id}" is used by ${users.join(', ')}`)
    await this.kernel.db.knex('cms_workflows').where('id', id).delete()
    this.runtime.delete(id)
    return workflow
  }
}
