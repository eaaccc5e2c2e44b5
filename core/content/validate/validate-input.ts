// Validates a parsed document against a content type: ajv schemas, Unicode sanity, each field
// type's own checks and normalisation, field edit permissions and server-owned fields.
import type { ErrorObject } from 'ajv'
import type { Actor } from '../../access/actor.js'
import { hasPermission } from '../../access/actor.js'
import { BYPASS_CONTENT_ACCESS } from '../../access/content-permissions.js'
import { mayPublish } from '../../access/content-access.js'
import { CmsError, validationError } from '../../errors/cms-error.js'
import { describe, pointerOf } from '../../http/body-validator.js'
import type { CompiledType } from '../compiled-type.js'
import { parseDateTime } from '../field-types/datetime.js'
import type { ParsedDocument } from './parse-document.js'
import { findBadStrings, type Violation } from './string-sanity.js'
import { typeValidators } from './type-validators.js'

export interface ValidInput {
  /** Only the fields the document set, in API shape. */
  values: Record<string, unknown>
  status?: boolean
  moderationState?: string
  uid?: string | null
  created?: string
}

function forbidden (detail: string, pointer: string): CmsError {
  return new CmsError('FORBIDDEN', detail, { source: { pointer } })
}

function checkServerOwned (type: CompiledType, doc: ParsedDocument, actor: Actor): void {
  const admin = hasPermission(actor, BYPASS_CONTENT_ACCESS)
  if (!admin && 'created' in doc.attributes) throw forbidden('created is set by the server', '/data/attributes/created')
  if (!admin && 'uid' in doc.relationships) throw forbidden('the owner (uid) is set by the server', '/data/relationships/uid')
  if ('status' in doc.attributes && (type.definition.workflow || !mayPublish(actor, type.id))) {
    throw forbidden(type.definition.workflow ? 'status follows the moderation state' : 'You may not change the published status', '/data/attributes/status')
  }
  for (const field of type.fields.values()) {
    const permission = field.definition.editPermission
    const set = field.relationship ? field.name in doc.relationships : field.name in doc.attributes
    if (set && permission && !hasPermission(actor, permission)) {
      throw forbidden(`You may not edit ${field.name}`, `/data/${field.relationship ? 'relationships' : 'attributes'}/${field.name}`)
    }
  }
}

export function validateInput (type: CompiledType, doc: ParsedDocument, mode: 'create' | 'update', actor: Actor): ValidInput {
  checkServerOwned(type, doc, actor)
  const validators = typeValidators(type)
  const violations: Violation[] = [
    ...findBadStrings(doc.attributes, '/data/attributes'),
    ...findBadStrings(doc.relationships, '/data/relationships')
  ]
  const attributes = mode === 'create' ? validators.createAttributes : validators.updateAttributes
  // One error object per violation: an `if` error only repeats the violation of its branch.
  const report = (errors: ErrorObject[] | null | undefined, base: string) =>
    (errors ?? []).filter(e => e.keyword !== 'if').map(e => ({ pointer: pointerOf(e, base), detail: describe(e) }))
  if (!attributes(doc.attributes)) violations.push(...report(attributes.errors, '/data/attributes'))
  if (!validators.relationships(doc.relationships)) violations.push(...report(validators.relationships.errors, '/data/relationships'))
  if (violations.length > 0) throw validationError(violations)

  const input: ValidInput = { values: {} }
  for (const field of type.fields.values()) {
    const raw = field.relationship
      ? (doc.relationships[field.name] as { data: unknown } | undefined)?.data
      : doc.attributes[field.name]
    if (raw === undefined) continue
    const base = field.relationship ? `/data/relationships/${field.name}/data` : `/data/attributes/${field.name}`
    const list = field.multiple ? raw as unknown[] : [raw]
    list.forEach((value, i) => {
      if (value === null) return
      const problem = field.fieldType.check?.(value, field.definition)
      if (problem) violations.push({ pointer: field.multiple ? `${base}/${i}` : base, detail: problem })
    })
    const normalize = field.fieldType.normalize
    const clean = (value: unknown) => value === null || !normalize ? value : normalize(value, field.definition)
    input.values[field.name] = field.multiple ? list.map(clean) : clean(raw)
  }
  // Like a datetime field: a real instant between the years 1000 and 9999 (no leap seconds).
  const created = typeof doc.attributes.created === 'string' ? parseDateTime(doc.attributes.created) : undefined
  if (typeof created === 'string') violations.push({ pointer: '/data/attributes/created', detail: created })
  if (violations.length > 0) throw validationError(violations)
  if (created instanceof Date) input.created = created.toISOString()
  if (typeof doc.attributes.status === 'boolean') input.status = doc.attributes.status
  if (typeof doc.attributes.moderation_state === 'string') input.moderationState = doc.attributes.moderation_state
  const uid = (doc.relationships.uid as { data: { id: string } | null } | undefined)?.data
  if (uid !== undefined) input.uid = uid?.id ?? null
  return input
}
