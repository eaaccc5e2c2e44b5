// Find one item, optionally a specific version: the default revision (what readers get), the
// working copy / latest version (a pending draft), or revision id:N (needs "view revisions").
import type { Actor } from '../../access/actor.js'
import { assertContentAccess } from '../../access/content-access.js'
import { CmsError } from '../../errors/cms-error.js'
import type { Kernel } from '../../kernel/kernel.js'
import type { ContentItem } from '../content-item.js'
import { loadRevision } from '../repository/revisions.js'
import { loadVisibleItem, workingCopy } from './load-item.js'

export type ResourceVersion = 'default' | 'working-copy' | 'latest-version' | { rev: number }

export function parseResourceVersion (value: unknown): ResourceVersion {
  if (value === undefined) return 'default'
  if (value === 'rel:working-copy') return 'working-copy'
  if (value === 'rel:latest-version') return 'latest-version'
  const match = typeof value === 'string' ? /^id:(\d{1,10})$/.exec(value) : null
  if (match) return { rev: Number(match[1]) }
  throw new CmsError('INVALID_QUERY', 'resourceVersion must be rel:working-copy, rel:latest-version or id:{revision}', { source: { parameter: 'resourceVersion' } })
}

export async function findOneContent (kernel: Kernel, actor: Actor, typeId: string, id: string, version: ResourceVersion = 'default'): Promise<ContentItem> {
  const type = kernel.contentTypes.require(typeId)
  const item = await loadVisibleItem(kernel, actor, type, id)
  if (version === 'default') return item
  if (version === 'working-copy' || version === 'latest-version') {
    if (item.latestRev === item.defaultRev) return item
    await assertContentAccess(kernel.hooks, actor, 'update', type, item)
    return workingCopy(kernel, type, item)
  }
  await assertContentAccess(kernel.hooks, actor, 'view revisions', type, item)
  const revision = await loadRevision(kernel.db.knex, type, item, version.rev)
  if (!revision) throw new CmsError('NOT_FOUND', `No revision ${version.rev} of ${type.id} ${id}`)
  return revision
}
