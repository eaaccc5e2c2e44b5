// Shared by the workflow tests: a small runtime workflow, a reader for /admin/api/workflows/{id},
// the editing permissions of a reviewer and an article placed in a given state.
import { resource, WORKFLOWS, type Resource, type Site } from './helpers.js'

export interface Workflow {
  id: string
  label: string
  initialState: string
  states: Record<string, { label: string, published: boolean, defaultRevision: boolean }>
  transitions: Record<string, { label: string, from: string[], to: string }>
  module: string | null
  types: string[]
}

export const simple = {
  id: 'simple',
  label: 'Simple',
  initialState: 'draft',
  states: {
    draft: { label: 'Draft', published: false, defaultRevision: false },
    live: { label: 'Live', published: true, defaultRevision: true }
  },
  transitions: {
    go_live: { label: 'Go live', from: ['draft', 'live'], to: 'live' },
    unpublish: { label: 'Unpublish', from: ['live'], to: 'draft' },
    keep_drafting: { label: 'Keep drafting', from: ['draft'], to: 'draft' }
  }
}

export async function workflow (site: Site, id: string): Promise<Workflow> {
  const response = await site.json(site.adminToken, 'GET', `${WORKFLOWS}/${id}`)
  if (response.statusCode !== 200) throw new Error(`GET workflow ${id}: ${response.statusCode} ${response.body}`)
  return response.json<{ data: Workflow }>().data
}

export const EDIT = ['edit any article content', 'view unpublished article content']

/** An article in `state`, moved there by the administrator. */
export async function articleIn (site: Site, state: string, title: string): Promise<Resource> {
  if (state === 'archived') {
    const item = await site.create('article', { title, moderation_state: 'published' })
    const response = await site.patch('article', item.id, { moderation_state: 'archived' })
    if (response.statusCode !== 200) throw new Error(`archive: ${response.statusCode} ${response.body}`)
    return resource(response)
  }
  return site.create('article', { title, moderation_state: state })
}
