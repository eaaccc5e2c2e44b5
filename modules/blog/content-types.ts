// The blog's content types: articles written by authors and filed under tags.
import type { ContentTypeDefinition } from '../../core/index.js'

export const tagType: ContentTypeDefinition = {
  id: 'tag',
  label: 'Tag',
  revisions: false,
  fields: [
    { name: 'name', type: 'string', required: true, maxLength: 100, indexed: true },
    { name: 'slug', type: 'slug', maxLength: 100 },
    { name: 'description', type: 'text', maxLength: 2000 }
  ]
}

export const authorType: ContentTypeDefinition = {
  id: 'author',
  label: 'Author',
  fields: [
    { name: 'name', type: 'string', required: true, maxLength: 120, indexed: true },
    { name: 'bio', type: 'richtext' },
    { name: 'website', type: 'url' },
    // Contact details are for editors, not for the public content API.
    { name: 'email', type: 'email', viewPermission: 'view author contact details' }
  ]
}

export const articleType: ContentTypeDefinition = {
  id: 'article',
  label: 'Article',
  revisions: true,
  titleField: 'title',
  pathPattern: '/blog/{{year created}}/{{slugify title}}',
  fields: [
    { name: 'title', type: 'string', required: true, maxLength: 200, indexed: true },
    { name: 'slug', type: 'slug', maxLength: 200 },
    { name: 'summary', type: 'text', maxLength: 1000 },
    { name: 'body', type: 'richtext' },
    { name: 'published', type: 'datetime', indexed: true },
    { name: 'author', type: 'reference', target: ['author'] },
    { name: 'tags', type: 'reference', target: ['tag'], cardinality: 'many' }
  ]
}
