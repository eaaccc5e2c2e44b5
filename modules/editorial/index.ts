// The editorial module: declares the editorial workflow and puts the configured content types
// (article by default) under it. Drafts of published items become pending revisions, and
// publishing can be scheduled (core's scheduled transitions). See README.md beside this file.
import { defineModule, grantRolePermissions, transitionPermission } from '../../core/index.js'
import { editorialWorkflow } from './workflow.js'

export default defineModule<{ types: string[] }>({
  name: 'editorial',
  version: '1.0.0',
  core: '^0.1.0',
  description: 'Draft → review → published → archived moderation for articles',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: {
      types: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,31}$' }, uniqueItems: true, default: ['article'] }
    }
  },
  register (ctx) {
    ctx.workflows.define(editorialWorkflow)
    ctx.workflows.attach(editorialWorkflow.id, ctx.options.types)
    ctx.hooks.on('kernel.ready', () => {
      // An attachment to a type nobody declares (a typo, a module not enabled) would do nothing silently.
      const kernel = ctx.kernel()
      const missing = ctx.options.types.filter(type => kernel.contentTypes.get(type)?.definition.workflow !== editorialWorkflow.id)
      if (missing.length > 0) kernel.logger.warn({ module: 'editorial', types: missing }, `editorial: not moderating ${missing.join(', ')} (no such content type, or it declares another workflow)`)
    })
    ctx.migrations.add({
      name: '001-editor-transitions',
      // Once, at install: editors may use every transition; administrators can narrow it later.
      async up ({ knex }) {
        await grantRolePermissions(knex, 'editor', Object.keys(editorialWorkflow.transitions).map(t => transitionPermission(editorialWorkflow.id, t)))
      }
    })
  }
})
