// The one registry of content types at runtime: types declared by modules in code and types
// created through the admin API, compiled, with their tables kept in sync.
import type { Kernel } from '../kernel/kernel.js'
import { withLock } from '../db/lock.js'
import { nowDb } from '../db/dates.js'
import { CmsError, validationError } from '../errors/cms-error.js'
import { compileType } from './compile-type.js'
import type { CompiledType } from './compiled-type.js'
import type { ContentTypeDefinition } from './definition-types.js'
import { syncType } from './schema/sync-type.js'
import { typePermissions } from '../access/content-permissions.js'
import { grantRolePermissions } from '../access/role-permissions.js'
import { transitionPermission } from '../workflow/transition-permission.js'
import { snapshotOf, type StorageSnapshot } from './schema/storage-snapshot.js'

interface TypeRow { id: string, module: string | null, definition: string, applied: string | null }

function storedRow (type: CompiledType): Omit<TypeRow, 'applied'> & { applied: string, changed_at: string } {
  return { id: type.id, module: type.module ?? null, definition: JSON.stringify(type.definition), applied: JSON.stringify(snapshotOf(type)), changed_at: nowDb() }
}

/**
 * Whether boot can skip a type's schema sync: its stored row records this very definition and
 * storage. The stored snapshot is trusted as the truth about the tables, as Drupal trusts its
 * stored schema: re-checking every table, column and index on every start cost ~60 round trips.
 * Any difference (a module upgrade that changes fields, a definition written by another version
 * or process) takes the locked path, which re-reads the row under the lock and syncs from it.
 * A table altered or dropped by hand behind the CMS's back is not detected here; the next change
 * of that type syncs it (each DDL step checks what exists).
 */
function unchanged (type: CompiledType, row: TypeRow | undefined): boolean {
  if (!row?.applied) return false
  const next = storedRow(type)
  return row.module === next.module && row.definition === next.definition && row.applied === next.applied
}

export class ContentTypeStore {
  private readonly types = new Map<string, CompiledType>()
  private readonly kernel: Kernel
  private revision = 0

  constructor (kernel: Kernel) {
    this.kernel = kernel
  }

  /** Bumped whenever a type is compiled anew or removed: memos of compiled SQL check it. */
  get generation (): number {
    return this.revision
  }

  get (id: string): CompiledType | undefined {
    return this.types.get(id)
  }

  require (id: string): CompiledType {
    const type = this.types.get(id)
    if (!type) throw new CmsError('NOT_FOUND', `Unknown content type "${id}"`)
    return type
  }

  list (): CompiledType[] {
    return [...this.types.values()].sort((a, b) => a.id.localeCompare(b.id))
  }

  private compile (declared: ContentTypeDefinition, module: string | undefined): CompiledType {
    const { registries, config } = this.kernel
    // A module may put another module's type under its workflow (registries.workflowAssignments).
    const assigned = module ? registries.workflowAssignments.list().find(a => a.value.typeId === declared.id)?.value.workflow : undefined
    const definition = assigned && !declared.workflow ? { ...declared, workflow: assigned } : declared
    const extensions = registries.contentTypeExtensions.list().filter(e => e.value.typeId === definition.id).map(e => e.value)
    return compileType({ definition, module, extensions, fieldTypes: name => registries.fieldTypes.get(name), defaultPageSize: config.contentApi.pageSize })
  }

  private checkReferences (type: CompiledType, known: (id: string) => boolean): void {
    const violations = type.relationships.flatMap(f => f.targets.filter(target => target !== 'file' && target !== 'user' && !known(target))
      .map(target => ({ pointer: `/fields/${type.definition.fields.findIndex(d => d.name === f.name)}/target`, detail: `unknown content type "${target}"` })))
    if (type.definition.workflow && !this.kernel.workflows.get(type.definition.workflow)) {
      violations.push({ pointer: '/workflow', detail: `unknown workflow "${type.definition.workflow}"` })
    }
    if (violations.length > 0) throw validationError(violations)
  }

  /** Editors get a new type's content permissions (and its workflow's transitions) once. */
  private async grantEditorDefaults (type: CompiledType): Promise<void> {
    const p = typePermissions(type.id)
    const workflow = type.definition.workflow ? this.kernel.workflows.get(type.definition.workflow) : undefined
    const transitions = workflow ? Object.keys(workflow.transitions).map(t => transitionPermission(workflow.id, t)) : []
    await grantRolePermissions(this.kernel.db.knex, 'editor', [p.create, p.editAny, p.deleteAny, p.viewUnpublished, p.viewRevisions, p.revertRevisions, ...transitions])
  }

  private async sync (type: CompiledType, force: boolean): Promise<void> {
    const { knex, dialect } = this.kernel.db
    let created = false
    await withLock(this.kernel.db, 'cms_schema', 30, async () => {
      const row = await knex('cms_content_types').where('id', type.id).first('applied') as Pick<TypeRow, 'applied'> | undefined
      created = row === undefined
      const applied = row?.applied ? JSON.parse(row.applied) as StorageSnapshot : undefined
      await syncType(knex, dialect, type, applied, force)
      await knex('cms_content_types').insert(storedRow(type)).onConflict('id').merge(['module', 'definition', 'applied', 'changed_at'])
    })
    if (created) await this.grantEditorDefaults(type)
  }

  /** Boot: compile code-declared and runtime types, check references, sync the tables that changed. */
  async load (): Promise<void> {
    const { registries, db } = this.kernel
    const compiled = registries.contentTypes.list().map(e => this.compile(e.value, e.module))
    const rows = await db.knex('cms_content_types').select('id', 'module', 'definition', 'applied') as TypeRow[]
    const stored = new Map(rows.map(row => [row.id, row]))
    for (const row of rows) {
      if (row.module !== null || registries.contentTypes.has(row.id)) continue
      compiled.push(this.compile(JSON.parse(row.definition) as ContentTypeDefinition, undefined))
    }
    const ids = new Set(compiled.map(t => t.id))
    for (const type of compiled) this.checkReferences(type, id => ids.has(id))
    for (const type of compiled) {
      if (!unchanged(type, stored.get(type.id))) await this.sync(type, false)
      this.types.set(type.id, type)
    }
    this.revision++
  }

  /** Creates or changes a runtime type. Types declared by modules change only in code. */
  async save (definition: ContentTypeDefinition, options: { force?: boolean, create?: boolean } = {}): Promise<CompiledType> {
    const existing = this.types.get(definition.id)
    if (existing?.module) throw new CmsError('CONFLICT', `Content type "${definition.id}" is declared by module ${existing.module}; change it in code`)
    if (options.create && existing) throw new CmsError('CONFLICT', `Content type "${definition.id}" already exists`)
    const type = this.compile(definition, undefined)
    this.checkReferences(type, id => id === type.id || this.types.has(id))
    await this.sync(type, options.force ?? false)
    this.types.set(type.id, type)
    this.revision++
    return type
  }

  /** Deletes a runtime type and its tables; refused while it has content unless forced. */
  async remove (id: string, options: { force?: boolean } = {}): Promise<void> {
    const type = this.require(id)
    if (type.module) throw new CmsError('CONFLICT', `Content type "${id}" is declared by module ${type.module}; disable the module instead`)
    const referrers = this.list().filter(t => t.id !== id && t.relationships.some(f => f.targets.includes(id)))
    if (referrers.length > 0) throw new CmsError('CONFLICT', `Content type "${id}" is referenced by ${referrers.map(t => t.id).join(', ')}`)
    const { knex } = this.kernel.db
    if (!options.force && await knex(type.table).first('id')) throw new CmsError('CONFLICT', `Content type "${id}" has content; delete it first or force the deletion`)
    await withLock(this.kernel.db, 'cms_schema', 30, async () => {
      for (const field of type.fields.values()) if (field.sideTable) await knex.schema.dropTableIfExists(field.sideTable)
      await knex.schema.dropTableIfExists(type.revisionTable)
      await knex.schema.dropTableIfExists(type.table)
      await knex('cms_content_types').where('id', id).delete()
    })
    this.types.delete(id)
    this.revision++
  }
}
