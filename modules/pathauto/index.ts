// The pathauto module: URL aliases generated from each content type's handlebars pathPattern,
// kept unique, surviving title changes (old aliases redirect), resolved by /router/resolve.
// Built only on the public module API. See README.md beside this file.
import { defineModule, ensureTable } from '../../core/index.js'
import { ALIAS_TABLE, BASE_TABLE, currentAlias } from './aliases.js'
import { aliasGenerator } from './generate-alias.js'
import { resolveRoute } from './resolve-route.js'

declare module '../../core/index.js' {
  interface ServiceMap {
    /** The current URL alias of an item, if it has one. */
    pathauto: { aliasOf (type: string, id: string): Promise<string | undefined> }
  }
}

export default defineModule<{ regenerate: string[] }>({
  name: 'pathauto',
  version: '1.0.0',
  core: '^0.1.0',
  description: 'URL aliases from handlebars patterns, and path resolution for frontends',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: {
      // Types whose alias follows changes of the fields in their pattern (old aliases redirect).
      regenerate: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] }
    }
  },
  register (ctx) {
    ctx.migrations.add({
      name: '001-aliases',
      async up ({ knex }) {
        await ensureTable(knex, ALIAS_TABLE, t => {
          t.increments('id')
          t.string('path', 200).notNullable().unique({ indexName: 'pathauto_aliases_path_uniq' })
          t.string('type', 32).notNullable()
          t.string('item_id', 36).notNullable()
          t.boolean('current').notNullable()
          t.datetime('created', { precision: 3 }).notNullable()
          t.index(['type', 'item_id'], 'pathauto_aliases_item_idx')
        })
      }
    }, {
      name: '002-alias-bases',
      // One row per base path: serialises concurrent writers of a base and counts its suffixes.
      async up ({ knex }) {
        await ensureTable(knex, BASE_TABLE, t => {
          t.string('base', 200).primary()
          t.integer('next_suffix').notNullable()
        })
      }
    })
    const generate = aliasGenerator(new Set(ctx.options.regenerate))
    ctx.hooks.on('content.insert', generate)
    ctx.hooks.on('content.update', generate)
    ctx.hooks.on('content.delete', async ({ type, item, uow }) => { await uow.trx(ALIAS_TABLE).where({ type: type.id, item_id: item.id }).delete() })
    ctx.routes.add(resolveRoute)
    ctx.services.provide('pathauto', { aliasOf: async (type, id) => currentAlias(ctx.kernel().db.knex, type, id) })
  }
})
