// cms hooks:list: every hook with its handlers in their resolved order.
import type { CliCommand } from '../../kernel/module-types.js'

export const hooksListCommand: CliCommand = {
  name: 'hooks:list',
  description: 'List hooks and the modules handling them, in resolved order',
  options: { json: { type: 'boolean' } },
  needs: 'kernel',
  async run ({ kernel, stdout, values }) {
    const list = kernel?.hooks.list() ?? {}
    if (values.json === true) {
      stdout(JSON.stringify(list, null, 2))
      return 0
    }
    for (const [hook, modules] of Object.entries(list)) stdout(`${hook}: ${modules.join(' → ')}`)
    return 0
  }
}
