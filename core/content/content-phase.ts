// The content subsystem's part in boot: core field types before modules register; once frozen,
// compile every content type, sync its tables and publish the generated permissions.
import type { BootPhase } from '../kernel/boot-phases.js'
import { ADMINISTER_MODULES, ADMINISTER_WORKFLOWS, typePermissionList } from '../access/content-permissions.js'
import { transitionPermission } from '../workflow/transition-permission.js'
import { coreFieldTypes } from './field-types/index.js'
import type { ContentItem } from './content-item.js'
import { runScheduledTransitions } from '../workflow/schedule/run-scheduled.js'

function columnValue (item: ContentItem, column: string): unknown {
  switch (column) {
    case 'status': return item.status
    case 'uid': return item.uid
    case 'moderation_state': return item.moderationState
    case 'id': return item.id
    default: return item.values[column]
  }
}

export const contentPhase: BootPhase = {
  name: 'content',
  register (kernel) {
    // Module row rules also answer single-item access, so lists and items always agree.
    kernel.hooks.on('core', 'content.access', question => {
      const { item, actor, type } = question
      if (!item) return undefined
      const denied = kernel.registries.rowRules.list().some(({ value: rule }) =>
        (rule(actor, type.id) ?? []).some(deny => deny.values.includes(columnValue(item, deny.column) as string)))
      if (denied) question.answers.push('forbid')
      return undefined
    })
    for (const fieldType of coreFieldTypes) kernel.registries.fieldTypes.add('core', fieldType.name, fieldType)
    kernel.registries.permissions.add('core', ADMINISTER_MODULES, { name: ADMINISTER_MODULES, title: 'Enable and disable modules', restrictAccess: true })
    kernel.registries.permissions.add('core', ADMINISTER_WORKFLOWS, { name: ADMINISTER_WORKFLOWS, title: 'Administer workflows', restrictAccess: true })
    // Runs on every tick of the job runner; each due transition is claimed atomically.
    kernel.registries.jobs.add('core', 'core:scheduled-transitions', {
      name: 'core:scheduled-transitions', intervalMs: 0, run: async k => { await runScheduledTransitions(k) }
    })
  },
  async ready (kernel) {
    await kernel.workflows.load()
    await kernel.contentTypes.load()
    kernel.contentCounter = async typeId => {
      const type = kernel.contentTypes.require(typeId)
      const [row] = await kernel.db.knex(type.table).count({ n: '*' }) as Array<{ n: number | string }>
      return Number(row?.n ?? 0)
    }
    kernel.permissionProviders.push(() => kernel.contentTypes.list().flatMap(type =>
      typePermissionList(type.id, type.definition.label).map(p => ({ ...p, module: type.module ?? 'core' }))))
    kernel.permissionProviders.push(() => kernel.workflows.list().flatMap(({ module, definition: workflow }) =>
      Object.entries(workflow.transitions).map(([id, t]) => ({ name: transitionPermission(workflow.id, id), title: `${workflow.label}: use the transition ${t.label}`, module }))))
  }
}
