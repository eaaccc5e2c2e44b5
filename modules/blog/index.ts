// The blog module: article, tag and author content types, a permission for authors' contact
// details, and demo content on an empty site. See README.md beside this file.
import { defineModule } from '../../core/index.js'
import { articleType, authorType, tagType } from './content-types.js'
import { seedDemoContent } from './demo-content.js'

export default defineModule({
  name: 'blog',
  version: '1.0.0',
  core: '^0.1.0',
  description: 'Articles, tags and authors, with demo content for a fresh site',
  register (ctx) {
    ctx.permissions.define({ name: 'view author contact details', title: 'See the email address of blog authors' })
    ctx.contentTypes.define(tagType)
    ctx.contentTypes.define(authorType)
    ctx.contentTypes.define(articleType)
  },
  async onReady (kernel) {
    if (!kernel.config.demoContent) return
    if (await seedDemoContent(kernel)) kernel.logger.info('blog: demo content created')
  }
})
