// Every registry modules declare into during register(); frozen together once boot is done.
import type { ContentTypeDefinition, FieldDefinition } from '../content/definition-types.js'
import type { FieldTypeDefinition } from '../content/field-type-types.js'
import type { Migration } from '../db/migrator.js'
import type { RowRule } from '../access/row-filter.js'
import type { CliCommand, JobDefinition, PermissionDefinition, RouteInstaller } from '../kernel/module-types.js'
import type { WorkflowDefinition } from '../workflow/workflow-types.js'
import { Registry } from './registry.js'

export interface WorkflowAssignment { workflow: string, typeId: string }

export interface ContentTypeExtension { module: string, typeId: string, fields: FieldDefinition[] }

/** An append-only list with the same freeze rule as Registry. */
export class DeclarationList<T> {
  private readonly items: Array<{ module: string, value: T }> = []
  private frozen = false
  readonly kind: string
  constructor (kind: string) {
    this.kind = kind
  }

  add (module: string, value: T): void {
    if (this.frozen) throw new Error(`${this.kind} declared by ${module} after boot: declare it in register()`)
    this.items.push({ module, value })
  }

  list (): ReadonlyArray<{ module: string, value: T }> {
    return this.items
  }

  freeze (): void {
    this.frozen = true
  }
}

export class Registries {
  readonly contentTypes = new Registry<ContentTypeDefinition>('content type')
  readonly contentTypeExtensions = new DeclarationList<ContentTypeExtension>('content type extension')
  readonly fieldTypes = new Registry<FieldTypeDefinition>('field type')
  readonly permissions = new Registry<PermissionDefinition>('permission')
  readonly workflows = new Registry<WorkflowDefinition>('workflow')
  readonly workflowAssignments = new DeclarationList<WorkflowAssignment>('workflow assignment')
  readonly services = new Registry<unknown>('service')
  readonly templates = new Registry<string>('template')
  readonly jobs = new Registry<JobDefinition>('scheduled job')
  readonly commands = new Registry<CliCommand>('CLI command')
  readonly routes = new DeclarationList<RouteInstaller>('route')
  readonly rowRules = new DeclarationList<RowRule>('row access rule')
  readonly migrations = new DeclarationList<Migration>('migration')

  freeze (): void {
    for (const value of Object.values(this)) {
      if (value instanceof Registry || value instanceof DeclarationList) value.freeze()
    }
  }
}
