// What a module is (ModuleDefinition) and what it receives while registering (ModuleContext).
import type { FastifyInstance } from 'fastify'
import type { ParseArgsConfig } from 'node:util'
import type { CmsConfig } from '../settings/config-types.js'
import type { ContentTypeDefinition, FieldDefinition } from '../content/definition-types.js'
import type { FieldTypeDefinition } from '../content/field-type-types.js'
import type { Migration } from '../db/migrator.js'
import type { RowRule } from '../access/row-filter.js'
import type { WorkflowDefinition } from '../workflow/workflow-types.js'
import type { HookHandler, HookName, HookOptions } from '../hooks/hook-map.js'
import type { Kernel } from './kernel.js'

/** Services modules offer each other; extend by declaration merging like HookMap. */
export interface ServiceMap {}

export type ServiceName = keyof ServiceMap & string

export interface PermissionDefinition {
  name: string
  title: string
  description?: string
  /** Warn administrators: granting it gives broad power. */
  restrictAccess?: boolean
}

export interface JobDefinition {
  name: string
  /** How often the server's runner calls it. */
  intervalMs: number
  run (kernel: Kernel): Promise<void>
}

export interface CliCommand {
  name: string
  description: string
  usage?: string
  options?: ParseArgsConfig['options']
  /** 'none': no database; 'kernel': a booted kernel (migrated, modules registered). */
  needs: 'none' | 'kernel'
  /** Returns the exit code (0 when omitted). Throw UsageError for exit code 2. */
  run (input: CliInput): Promise<number | undefined>
}

export interface CliInput {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>
  positionals: string[]
  kernel?: Kernel
  rootDir: string
  stdout: (line: string) => void
  stderr: (line: string) => void
}

export type RouteInstaller = (app: FastifyInstance, kernel: Kernel) => Promise<void> | void

export interface ModuleContext<Options = Record<string, unknown>> {
  readonly module: { readonly name: string, readonly version: string }
  readonly options: Readonly<Options>
  readonly config: Readonly<CmsConfig>
  /** The kernel, for code that runs later (services, hooks, routes) — not for register() itself. */
  kernel (): Kernel
  hooks: { on<N extends HookName>(hook: N, handler: HookHandler<N>, options?: HookOptions): void }
  contentTypes: {
    define(definition: ContentTypeDefinition): void
    /** Adds fields to another module's content type; the registry records who added what. */
    extend(typeId: string, fields: FieldDefinition[]): void
  }
  permissions: { define(permission: PermissionDefinition): void }
  /** List-level access: rows a rule denies are left out of lists, includes, filters and counts. */
  access: { rowRule(rule: RowRule): void }
  routes: { add(installer: RouteInstaller): void }
  services: {
    provide<N extends ServiceName>(name: N, service: ServiceMap[N]): void
    /** Another module's service; only from modules this one depends on. Resolved lazily. */
    get<N extends ServiceName>(name: N): ServiceMap[N]
  }
  migrations: { add(...migrations: Migration[]): void }
  templates: { add(name: string, source: string): void }
  jobs: { define(job: JobDefinition): void }
  cli: { command(command: CliCommand): void }
  fieldTypes: { define(fieldType: FieldTypeDefinition): void }
  workflows: {
    define(workflow: WorkflowDefinition): void
    /** Puts content types (declared by any module) under a workflow. */
    attach(workflowId: string, typeIds: readonly string[]): void
  }
}

export interface ModuleDefinition<Options = Record<string, unknown>> {
  name: string
  version: string
  /** Semver range of core versions the module supports. */
  core: string
  description?: string
  dependsOn?: string[]
  /** JSON Schema of the module's options; defaults are applied. */
  options?: Record<string, unknown>
  register (ctx: ModuleContext<Options>): void | Promise<void>
  onReady? (kernel: Kernel): void | Promise<void>
  onClose? (kernel: Kernel): void | Promise<void>
}

export function defineModule<Options = Record<string, unknown>> (definition: ModuleDefinition<Options>): ModuleDefinition<Options> {
  return definition
}
