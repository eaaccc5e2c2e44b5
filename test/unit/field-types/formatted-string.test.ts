// Unit tests of the `email`, `url` and `slug` field types.
import t from 'tap'
import { emailType, slugType, urlType } from '../../../core/content/field-types/formatted-string.js'
import { accepts, field, roundTrip, settingsSchema, valueSchema } from './helpers.js'

const ALL = ['<', '<=', '<>', '=', '>', '>=', 'BETWEEN', 'CONTAINS', 'ENDS_WITH', 'IN', 'IS NOT NULL', 'IS NULL',
  'NOT BETWEEN', 'NOT IN', 'STARTS_WITH']

t.test('email', async t => {
  const ok = accepts(emailType)
  for (const value of ['a@example.com', 'first.last+tag@sub.example.co.uk', "o'brien@example.org", 'x@a-b.io']) {
    t.ok(ok(value), `accepts ${value}`)
  }
  const long = 'a'.repeat(64) + '@' + 'b'.repeat(63) + '.' + 'c'.repeat(63) + '.' + 'd'.repeat(61) + '.com'
  const bad = ['plain', 'a@b', '@example.com', 'a@', 'a b@example.com', 'a@exa mple.com', 'a@@example.com',
    '.a@example.com', 'a.@example.com', 'a..b@example.com', 'a@-example.com', 'a@example-.com', 'a@example..com',
    'a\n@example.com', 'a@example.com\n', 'a\u0000@example.com', `${'a'.repeat(65)}@example.com`, long, 'é@example.com', '']
  for (const value of bad) t.notOk(ok(value), `refuses ${JSON.stringify(value)}`)
  t.notOk(valueSchema(emailType)(5))
  t.ok(settingsSchema(emailType)({}))
  t.notOk(settingsSchema(emailType)({ maxLength: 10 }), 'no settings')
  t.same(emailType.column(field(emailType)), { kind: 'string', length: 254 })
  t.same([...emailType.operators].sort(), ALL)
  t.equal(emailType.sortable, true)
  t.equal(roundTrip(emailType, 'A@Example.com', 'mysql'), 'A@Example.com', 'stored as given')
})

t.test('url', async t => {
  const ok = accepts(urlType)
  for (const value of ['https://example.com', 'http://example.com/a?b=1#c', 'HTTPS://EXAMPLE.COM/', 'https://[::1]:8080/x',
    'https://user@例え.jp/パス']) {
    t.ok(ok(value), `accepts ${value}`)
  }
  const bad = ['javascript:alert(1)', 'JAVASCRIPT://example.com/%0aalert(1)', 'data:text/html,<script>', 'ftp://example.com',
    '/relative', '//example.com', 'example.com', 'https://', 'https:///example.com', 'http:/example.com',
    'https://exa mple.com', 'https://example.com/a b', ' https://example.com', 'https://example.com\n', 'https:\\\\evil.com',
    'https://\\evil.com', 'https://exa\tmple.com', '']
  for (const value of bad) t.notOk(ok(value), `refuses ${JSON.stringify(value)}`)
  t.ok(ok('https://e.com/' + 'a'.repeat(2048 - 14)))
  t.notOk(ok('https://e.com/' + 'a'.repeat(2048 - 13)), 'default maxLength 2048')
  t.notOk(accepts(urlType, { maxLength: 20 })('https://example.com/abc'))
  const settings = settingsSchema(urlType)
  t.ok(settings({ maxLength: 2048 }))
  t.notOk(settings({ maxLength: 2049 }))
  t.same(urlType.column(field(urlType)), { kind: 'string', length: 2048 })
  t.same(urlType.column(field(urlType, { maxLength: 300 })), { kind: 'string', length: 300 })
  t.same([...urlType.operators].sort(), ALL)
  t.equal(urlType.sortable, true)
  t.equal(roundTrip(urlType, 'HTTPS://Example.com/%7E', 'sqlite'), 'HTTPS://Example.com/%7E', 'stored as given')
})

t.test('slug', async t => {
  const valid = valueSchema(slugType)
  for (const value of ['a', 'hello-world', '2024-recap', 'a1-b2-c3']) t.ok(valid(value), `accepts ${value}`)
  for (const value of ['', 'Hello', 'hello_world', '-a', 'a-', 'a--b', 'a b', 'é', 'a/b', 'x'.repeat(129)]) {
    t.notOk(valid(value), `refuses ${JSON.stringify(value)}`)
  }
  t.ok(valid('x'.repeat(128)))
  t.notOk(valueSchema(slugType, { maxLength: 5 })('abcdef'))
  const settings = settingsSchema(slugType)
  t.ok(settings({ maxLength: 255 }))
  t.notOk(settings({ maxLength: 256 }))
  t.same(slugType.column(field(slugType)), { kind: 'string', length: 128 })
  t.same([...slugType.operators].sort(), ALL)
  t.equal(slugType.sortable, true)
  t.equal(roundTrip(slugType, 'hello-world', 'mysql'), 'hello-world')
})
