// Fixture modules for the content access tests: a "memo" type whose budget and reviewer need
// edit permissions, and a gatekeeper answering the content.access hook.
import { defineModule, type ModuleDefinition } from '../../../core/index.js'

export const memoModule: ModuleDefinition = defineModule({
  name: 'memos',
  version: '1.0.0',
  core: '^0.1.0',
  dependsOn: ['blog'],
  register (ctx) {
    ctx.permissions.define({ name: 'edit memo budget', title: 'Set the budget of memos' })
    ctx.permissions.define({ name: 'assign memo reviewer', title: 'Choose who reviews a memo' })
    ctx.contentTypes.define({
      id: 'memo',
      label: 'Memo',
      revisions: true,
      fields: [
        { name: 'title', type: 'string', required: true, maxLength: 100 },
        { name: 'budget', type: 'integer', editPermission: 'edit memo budget' },
        { name: 'reviewer', type: 'reference', target: ['author'], editPermission: 'assign memo reviewer' }
      ]
    })
  }
})

/**
 * Forbids updating and deleting articles titled "Locked" and viewing articles titled "Hidden",
 * whatever the caller's permissions; allows everything else to go on to the other answers.
 */
export const gatekeeperModule: ModuleDefinition = defineModule({
  name: 'gatekeeper',
  version: '1.0.0',
  core: '^0.1.0',
  dependsOn: ['blog'],
  register (ctx) {
    ctx.hooks.on('content.access', question => {
      if (question.type.id !== 'article' || !question.item) return undefined
      const title = question.item.values.title
      const forbid = (title === 'Locked' && (question.operation === 'update' || question.operation === 'delete' || question.operation === 'revert')) ||
        (title === 'Hidden' && question.operation === 'view')
      return forbid ? { ...question, answers: [...question.answers, 'forbid'] } : undefined
    })
    // The list-level twin of the view rule: lists, totals and relationship filters agree.
    ctx.access.rowRule((_actor, typeId) => typeId === 'article' ? [{ column: 'title', values: ['Hidden'] }] : undefined)
  }
})
