// The blog's authors keep their email address for callers holding "view author contact details".
import t from 'tap'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootSite, resource } from '../../api/workflow/helpers.js'

eachDatabase(t, 'author email needs "view author contact details"', async (t, db) => {
  const site = await bootSite(t, db)
  const author = await site.create('author', { name: 'Ada', email: 'ada@example.test', website: 'https://ada.example.test', status: true })
  t.equal(author.attributes.email, 'ada@example.test', 'the administrator sees the email')
  const anonymous = await site.reader('author', author.id)
  t.equal(anonymous?.name, 'Ada', 'anonymous readers get the author')
  t.notOk(anonymous && 'email' in anonymous && anonymous.email !== undefined, 'without the email')
  t.notMatch(JSON.stringify(anonymous), /ada@example/, 'nowhere in the answer')

  await site.role('press', ['view author contact details'])
  const press = await site.user('press', ['press'])
  const plain = await site.user('plain', [])
  t.equal(resource(await site.api(press.token, 'GET', `/jsonapi/author/${author.id}`)).attributes.email, 'ada@example.test', 'a caller with the permission gets the email')
  t.notMatch((await site.api(plain.token, 'GET', `/jsonapi/author/${author.id}`)).body, /ada@example/, 'an authenticated caller without it does not')
  const filtered = await site.api(null, 'GET', '/jsonapi/author?filter[email]=ada@example.test')
  t.equal(filtered.statusCode, 403, 'anonymous filtering on the hidden field → 403 (no oracle)')
})
