// Unit tests of the `richtext` field type: HTML sanitising on save.
import t from 'tap'
import { richtextType } from '../../../core/content/field-types/richtext.js'
import { field, roundTrip, valueSchema } from './helpers.js'

const clean = (html: string): string => richtextType.normalize!(html, field(richtextType)) as string

t.test('richtext: scripts, event handlers and unsafe URLs are removed', async t => {
  const vectors: Array<[string, RegExp]> = [
    ['<p>a</p><script>alert(1)</script>', /script|alert/i],
    ['<img src=x onerror=alert(1)>', /onerror|alert/i],
    ['<a href="javascript:alert(1)">x</a>', /javascript|alert/i],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript|alert/i],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', /ascript|alert/i],
    ['<a href="&#106;avascript:alert(1)">x</a>', /ascript|alert/i],
    ['<a href=" javascript:alert(1)">x</a>', /javascript|alert/i],
    ['<svg onload=alert(1)><circle/></svg>', /svg|onload|alert/i],
    ['<iframe src="https://evil.example"></iframe>', /iframe|evil/i],
    ['<object data="x.swf"></object><embed src="x.swf">', /object|embed|swf/i],
    ['<style>body{display:none}</style><p>t</p>', /style|display/i],
    ['<p onclick="steal()" style="color:red">t</p>', /onclick|steal|style/i],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', /data:|base64/i],
    ['<a href="vbscript:msgbox(1)">x</a>', /vbscript|msgbox/i],
    ['<form action="https://e.example"><input name=a></form>', /form|input/i],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', /math|javascript|alert/i]
  ]
  for (const [input, forbidden] of vectors) {
    const output = clean(input)
    t.notMatch(output, forbidden, `${input} → ${output}`)
  }
  t.equal(clean('<img src=x onerror=alert(1)>'), '<img src="x" />', 'the image stays, the handler goes')
  t.equal(clean('<a href="javascript:alert(1)">x</a>'), '<a>x</a>', 'the link text stays, the URL goes')
})

t.test('richtext: ordinary formatting is kept', async t => {
  const keep = [
    '<p>Hello <strong>bold</strong> <em>em</em> <b>b</b> <i>i</i> <u>u</u> <s>s</s><br /></p>',
    '<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6><hr />',
    '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>q</blockquote><pre><code>x &lt; y</code></pre>',
    '<figure><img src="https://cdn.example/a.png" alt="A" title="t" /><figcaption>c</figcaption></figure>',
    '<table><caption>c</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
    '<a href="https://example.com/x?y=1&amp;z=2" title="t" rel="noopener" target="_blank">l</a>',
    '<a href="http://example.com">h</a><a href="mailto:a@example.com">m</a><a href="tel:+123">t</a>',
    '<a href="/relative/path">r</a><img src="/files/a.png" />'
  ]
  for (const html of keep) t.equal(clean(html), html)
  t.equal(clean('😀 <p>é</p>'), '😀 <p>é</p>', '4-byte characters survive sanitising')
})

t.test('richtext: schema, column, operators, round trip', async t => {
  const valid = valueSchema(richtextType, { maxLength: 10 })
  t.ok(valid('<p>a</p>'))
  t.notOk(valid('<p>abcdefgh</p>'))
  t.notOk(valid({ html: '<p>' }))
  t.same(richtextType.column(field(richtextType)), { kind: 'text' })
  t.same([...richtextType.operators].sort(), ['<>', '=', 'CONTAINS', 'ENDS_WITH', 'IS NOT NULL', 'IS NULL', 'STARTS_WITH'])
  t.equal(richtextType.sortable, false)
  for (const dialect of ['sqlite', 'mysql'] as const) {
    t.equal(roundTrip(richtextType, '<p onclick="x()">😀</p>', dialect), '<p>😀</p>', dialect)
  }
})
