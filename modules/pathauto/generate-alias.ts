// The content.insert / content.update handler: renders the type's pathPattern for the saved item
// and assigns the alias in the same transaction. A template problem is a 422 for the editor.
import { validationError, type ContentEvent } from '../../core/index.js'
import { assignAlias, currentAlias } from './aliases.js'
import { normalizePath } from './slugify.js'
import { compilePattern } from './template.js'

export function aliasGenerator (regenerate: ReadonlySet<string>) {
  return async (event: ContentEvent): Promise<void> => {
    const { type, item, uow } = event
    const pattern = type.definition.pathPattern
    if (!pattern || !event.isDefaultRevision) return
    const existing = await currentAlias(uow.trx, type.id, item.id)
    if (existing && !regenerate.has(type.id)) return // aliases survive title changes by default
    let path: string
    try {
      const context = { ...item.values, id: item.id, type: type.id, created: item.created, changed: item.changed }
      path = normalizePath(compilePattern(pattern)(context))
    } catch (error) {
      throw validationError([{ pointer: '/data', detail: `The URL alias pattern of ${type.id} failed: ${(error as Error).message}` }])
    }
    if (path === '/' || path === existing) return
    await assignAlias(uow.trx, type.id, item.id, path)
  }
}
