// The query-string parser: prototype keys in parameter NAMES are refused, the same words as
// values are ordinary data, and bad percent-encoding anywhere is refused.
import t from 'tap'
import { parseQueryString, QUERY_ERROR } from '../../core/http/query-parser.js'

t.test('prototype words are fine as values', async t => {
  t.same(parseQueryString('filter[title]=constructor'), { filter: { title: 'constructor' } })
  t.same(parseQueryString('filter[title]=%26constructor'), { filter: { title: '&constructor' } })
  t.same(parseQueryString('q=__proto__'), { q: '__proto__' })
})

t.test('prototype words are refused as names, encoded or not', async t => {
  for (const query of ['__proto__=1', 'filter[__proto__][x]=1', 'a[constructor][prototype]=1', 'filter%5B__proto__%5D=1', 'filter[a.constructor]=1']) {
    t.match(parseQueryString(query)[QUERY_ERROR], /prototype keys/, query)
  }
})

t.test('bad percent-encoding is refused in names and values', async t => {
  t.match(parseQueryString('x=%E0%A4%A')[QUERY_ERROR], /percent-encoding/)
  t.match(parseQueryString('%E0%A4%A=1')[QUERY_ERROR], /percent-encoding/)
})
