// Demo content for a fresh site: a few authors, tags and published articles, written through
// the same content operations as the admin API (validation, revisions, hooks).
import { SYSTEM, createContent, type ContentItem, type Kernel } from '../../core/index.js'

const doc = (type: string, attributes: Record<string, unknown>, relationships: Record<string, unknown> = {}) =>
  ({ data: { type, attributes, relationships } })

export async function seedDemoContent (kernel: Kernel): Promise<boolean> {
  const [row] = await kernel.db.knex('ct_article').count({ n: '*' }) as Array<{ n: number | string }>
  if (Number(row?.n ?? 0) > 0) return false
  const tags: ContentItem[] = []
  for (const name of ['News', 'How-to', 'Release notes']) {
    tags.push(await createContent(kernel, SYSTEM, 'tag', doc('tag', { name, slug: name.toLowerCase().replace(/[^a-z]+/g, '-'), status: true })))
  }
  const ada = await createContent(kernel, SYSTEM, 'author', doc('author', { name: 'Ada Lovelace', bio: '<p>Writes about engines.</p>', status: true }))
  const alan = await createContent(kernel, SYSTEM, 'author', doc('author', { name: 'Alan Turing', status: true }))
  const articles = [
    { title: 'Hello, headless world', author: ada, tags: [0], body: '<p>Our first article, served over <strong>JSON:API</strong>.</p>' },
    { title: 'Filtering like Drupal', author: alan, tags: [1], body: '<p>Try <code>/jsonapi/article?filter[title][operator]=CONTAINS&amp;filter[title][value]=Drupal</code>.</p>' },
    { title: 'Release 0.1', author: ada, tags: [0, 2], body: '<p>Kernel, modules, content model.</p>' }
  ]
  // Under a workflow (editorial), publishing is a moderation state rather than a status flag.
  const publish = kernel.contentTypes.get('article')?.definition.workflow ? { moderation_state: 'published' } : { status: true }
  for (const [index, a] of articles.entries()) {
    await createContent(kernel, SYSTEM, 'article', doc('article', {
      title: a.title,
      slug: a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
      summary: a.title,
      body: a.body,
      published: new Date(Date.UTC(2026, 0, 10 + index)).toISOString(),
      ...publish
    }, {
      author: { data: { type: 'author', id: a.author.id } },
      tags: { data: a.tags.map(i => ({ type: 'tag', id: (tags[i] as ContentItem).id })) }
    }))
  }
  return true
}
