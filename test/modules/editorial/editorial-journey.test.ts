// The journey: an editor drafts an article, a reviewer publishes it on a schedule, the frontend finds it by its URL path, and an edit of the published article stays invisible until published.
import t from 'tap'
import { runDueJobs } from '../../../core/jobs/run-due-jobs.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, permissionOf, resource } from '../../api/workflow/helpers.js'

eachDatabase(t, 'draft → review → scheduled publish → found by path → invisible edit → publish', async (t, db) => {
  const site = await bootSite(t, db)
  await site.role('writer', ['create article content', 'edit own article content', 'view article revisions', permissionOf('create_new_draft'), permissionOf('submit_for_review')])
  await site.role('reviewer', ['edit any article content', 'view unpublished article content', permissionOf('publish'), permissionOf('send_back')])
  const writer = await site.user('writer', ['writer'])
  const reviewer = await site.user('reviewer', ['reviewer'])

  // The editor drafts and submits.
  const draft = await site.create('article', { title: 'Launch day', summary: 'We launch.' }, writer.token)
  t.equal(draft.attributes.moderation_state, 'draft', 'the writer\'s article starts as a draft')
  t.same((draft.meta?.transitions ?? []).map(x => x.id).sort(), ['create_new_draft', 'submit_for_review'], 'the writer is offered their two transitions')
  t.equal((await site.patch('article', draft.id, { moderation_state: 'review' }, writer.token)).statusCode, 200, 'submitted for review')
  t.equal((await site.patch('article', draft.id, { moderation_state: 'published' }, writer.token)).statusCode, 403, 'the writer cannot publish')

  // The reviewer schedules the publication.
  const at = new Date(Date.now() + 1200)
  const scheduled = await site.json(reviewer.token, 'POST', `/admin/api/content/article/${draft.id}/schedule`, { state: 'published', at: at.toISOString() })
  t.equal(scheduled.statusCode, 201, 'the reviewer schedules publishing')
  const path = `/blog/${new Date(String(draft.attributes.created)).getUTCFullYear()}/launch-day`
  t.equal((await site.json(null, 'GET', `/router/resolve?path=${path}`)).statusCode, 404, 'before its time the frontend cannot find it')
  await new Promise(resolve => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()) + 50))
  const results = await runDueJobs(site.kernel)
  t.match(results.find(r => r.name === 'core:scheduled-transitions'), { status: 'ran' }, 'the job runner ran the scheduled transitions')

  // The frontend finds it by its path.
  const resolved = await site.json(null, 'GET', `/router/resolve?path=${path}`)
  t.equal(resolved.statusCode, 200, 'the frontend resolves the path')
  const { id, jsonapi } = resolved.json<{ data: { id: string, jsonapi: string } }>().data
  t.equal(id, draft.id, 'to the article')
  t.equal((await site.reader('article', id))?.title, 'Launch day', 'and reads it anonymously')
  if (site.hasContentApi) t.equal((await site.api(null, 'GET', new URL(jsonapi).pathname)).statusCode, 200, 'through the JSON:API URL it was given')

  // The writer edits the published article: invisible until the reviewer publishes.
  const edit = await site.patch('article', id, { title: 'Launch day (updated)', moderation_state: 'draft' }, writer.token)
  t.equal(edit.statusCode, 200, 'the writer saves a new draft of the published article')
  t.equal(resource(edit).attributes.title, 'Launch day (updated)', 'the answer shows the draft')
  t.equal((await site.reader('article', id))?.title, 'Launch day', 'readers still get the published title')
  t.equal((await site.json(null, 'GET', `/router/resolve?path=${path}`)).statusCode, 200, 'the path still resolves')
  t.equal((await site.patch('article', id, { moderation_state: 'review' }, writer.token)).statusCode, 200, 'the draft goes to review')
  t.equal((await site.reader('article', id))?.title, 'Launch day', 'still the published title')
  t.equal((await site.patch('article', id, { moderation_state: 'published' }, reviewer.token)).statusCode, 200, 'the reviewer publishes')
  t.equal((await site.reader('article', id))?.title, 'Launch day (updated)', 'now readers get the update')
  const found = await site.json(null, 'GET', `/router/resolve?path=${path}`)
  t.equal(found.json<{ data: { id: string } }>().data.id, id, 'at the same path (aliases are kept by default)')
})
