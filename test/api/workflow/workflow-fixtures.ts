// A small runtime workflow and a reader for /admin/api/workflows/{id}, shared by the workflow API tests.
import { WORKFLOWS, type Site } from './helpers.js'

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
