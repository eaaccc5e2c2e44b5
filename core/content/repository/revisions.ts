// Reads revisions: the list of an item's revisions and one revision as a full item.
import type { Knex } from 'knex'
import { fromDbDateTime } from '../../db/dates.js'
import type { CompiledType } from '../compiled-type.js'
import type { ContentItem } from '../content-item.js'
import { rowToItem } from './row-mapping.js'

export interface RevisionSummary {
  rev: number
  uid: string | null
  created: string
  log: string | null
  status: boolean
  moderationState: string | null
}

export async function listRevisions (knex: Knex, type: CompiledType, id: string): Promise<RevisionSummary[]> {
  const rows = await knex(type.revisionTable).where('id', id).orderBy('rev', 'desc')
    .select('rev', 'rev_uid', 'rev_created', 'rev_log', 'status', 'moderation_state') as Array<Record<string, unknown>>
  return rows.map(r => ({
    rev: Number(r.rev),
    uid: (r.rev_uid as string | null) ?? null,
    created: fromDbDateTime(r.rev_created) as string,
    log: (r.rev_log as string | null) ?? null,
    status: Boolean(r.status),
    moderationState: (r.moderation_state as string | null) ?? null
  }))
}

/** One revision as an item; `base` supplies the item-level bookkeeping (default/latest/version). */
export async function loadRevision (knex: Knex, type: CompiledType, base: ContentItem, rev: number): Promise<ContentItem | undefined> {
  const row = await knex(type.revisionTable).where({ id: base.id, rev }).first() as Record<string, unknown> | undefined
  if (!row) return undefined
  const multi = JSON.parse(String(row.multi ?? '{}')) as Record<string, unknown[]>
  const item = rowToItem(type, { ...row, default_rev: base.defaultRev, latest_rev: base.latestRev, version: base.version }, multi, rev)
  return item
}
