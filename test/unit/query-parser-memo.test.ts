// The query parser remembers parses by query string: every caller still gets its own copy, with
// qs's prototype-less objects, and errors stay errors.
import t from 'tap'
import { parseQueryString, QUERY_ERROR } from '../../core/http/query-parser.js'

t.test('a repeated query string gives equal, independent results', async t => {
  const input = 'filter[status]=1&sort=-created&page[limit]=20&fields[article]=title,slug&filter[id][value][]=a&filter[id][value][]=b'
  const first = parseQueryString(input)
  t.same(first, { filter: { status: '1', id: { value: ['a', 'b'] } }, sort: '-created', page: { limit: '20' }, fields: { article: 'title,slug' } })
  ;(first.filter as Record<string, unknown>).status = 'changed'
  ;((first.filter as { id: { value: string[] } }).id.value).push('c')
  delete first.sort
  const second = parseQueryString(input)
  t.not(second, first)
  t.same(second, { filter: { status: '1', id: { value: ['a', 'b'] } }, sort: '-created', page: { limit: '20' }, fields: { article: 'title,slug' } }, 'changes to one copy never reach the next')
  t.equal(Object.getPrototypeOf(second), null, 'prototype-less objects, like qs returns')
  t.equal(Object.getPrototypeOf(second.filter), null)
  t.ok(Array.isArray((second.filter as { id: { value: unknown } }).id.value))
})

t.test('errors are remembered as errors', async t => {
  for (let i = 0; i < 2; i++) {
    t.match(parseQueryString('filter[__proto__][x]=1')[QUERY_ERROR], /prototype/)
    t.match(parseQueryString('a=%E0%A4%A')[QUERY_ERROR], /percent-encoding/)
  }
})

t.test('long query strings are parsed without being remembered', async t => {
  const input = `sort=title&filter[title]=${'x'.repeat(3000)}`
  t.equal((parseQueryString(input).filter as { title: string }).title.length, 3000)
  t.not(parseQueryString(input), parseQueryString(input))
})
