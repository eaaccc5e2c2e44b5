// Resolves a dotted field path (title, created, author.name, tags.name) against a content type,
// enforcing field view permissions (403) and rejecting unknown fields (400).
import { hasPermission, type Actor } from '../../access/actor.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { CompiledField, CompiledType } from '../compiled-type.js'
import type { FieldDefinition } from '../definition-types.js'
import type { FieldTypeDefinition } from '../field-type-types.js'

/** Something filterable on a table: a real field or a base column. */
export interface Target {
  column: string
  fieldType: FieldTypeDefinition
  definition: FieldDefinition
  multiple: boolean
  sideTable: string | undefined
}

export type ResolvedPath =
  | { kind: 'value', target: Target }
  | { kind: 'relation', field: CompiledField, target: CompiledType, rest: ResolvedPath }

const BASE: Record<string, string> = { id: 'reference', uid: 'reference', created: 'datetime', changed: 'datetime', status: 'boolean', moderation_state: 'string' }

function baseTarget (kernel: Kernel, name: string): Target | undefined {
  const typeName = BASE[name]
  const fieldType = typeName ? kernel.registries.fieldTypes.get(typeName) : undefined
  if (!fieldType) return undefined
  return { column: name, fieldType, definition: { name, type: typeName as string, target: ['user'], maxLength: 32 }, multiple: false, sideTable: undefined }
}

function fieldTarget (field: CompiledField): Target {
  return { column: field.column ?? 'value', fieldType: field.fieldType, definition: field.definition, multiple: field.multiple, sideTable: field.sideTable }
}

export function resolvePath (kernel: Kernel, actor: Actor, type: CompiledType, path: string, parameter: string): ResolvedPath {
  const [head, ...rest] = path.split('.')
  const unknown = () => new CmsError('INVALID_QUERY', `Unknown field "${path}" on ${type.id}`, { source: { parameter } })
  if (!head) throw unknown()
  const field = type.fields.get(head)
  if (!field) {
    const base = baseTarget(kernel, head)
    if (!base || (rest.length > 0 && !(head === 'uid' && rest.join('.') === 'id'))) throw unknown()
    return { kind: 'value', target: base }
  }
  const permission = field.definition.viewPermission
  if (permission && !hasPermission(actor, permission)) {
    throw new CmsError('FORBIDDEN', `You may not filter or sort on ${type.id}.${head}`, { source: { parameter } })
  }
  if (!field.relationship || rest.length === 0 || (rest.length === 1 && rest[0] === 'id')) {
    if (rest.length > 0 && !field.relationship) throw unknown()
    return { kind: 'value', target: fieldTarget(field) }
  }
  const contentTargets = field.targets.filter(t => kernel.contentTypes.get(t))
  if (contentTargets.length !== 1) {
    throw new CmsError('INVALID_QUERY', `Cannot traverse "${head}": it must point to exactly one content type`, { source: { parameter } })
  }
  const target = kernel.contentTypes.require(contentTargets[0] as string)
  return { kind: 'relation', field, target, rest: resolvePath(kernel, actor, target, rest.join('.'), parameter) }
}
