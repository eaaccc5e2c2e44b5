// The editorial workflow: draft → review → published → archived, and back to draft.
import type { WorkflowDefinition } from '../../core/index.js'

export const editorialWorkflow: WorkflowDefinition = {
  id: 'editorial',
  label: 'Editorial',
  initialState: 'draft',
  states: {
    draft: { label: 'Draft', published: false, defaultRevision: false },
    review: { label: 'In review', published: false, defaultRevision: false },
    published: { label: 'Published', published: true, defaultRevision: true },
    archived: { label: 'Archived', published: false, defaultRevision: true }
  },
  transitions: {
    create_new_draft: { label: 'Create new draft', from: ['draft', 'published'], to: 'draft' },
    submit_for_review: { label: 'Submit for review', from: ['draft', 'review'], to: 'review' },
    send_back: { label: 'Send back to draft', from: ['review'], to: 'draft' },
    publish: { label: 'Publish', from: ['draft', 'review', 'published'], to: 'published' },
    archive: { label: 'Archive', from: ['published'], to: 'archived' },
    restore_to_draft: { label: 'Restore to draft', from: ['archived'], to: 'draft' }
  }
}
