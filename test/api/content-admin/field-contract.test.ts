// Field contract: every core field type stores, reads back exactly, refuses bad values (422, nothing written), filters and sorts as declared.
import t, { type Test } from 'tap'
import qs from 'qs'
import { eachDatabase } from '../../helpers/each-database.js'
import { fieldCases, type FieldCase } from './field-cases.js'
import {
  CONTENT, bootContent, doc, expectDocument, expectErrors, type ContentApp, type ItemDocument, type ListDocument, type Resource
} from './helpers.js'

const TYPE = 'allfields'

function send (c: FieldCase, value: unknown) {
  return c.relationship ? doc(TYPE, {}, { [c.field.name]: { data: value } }) : doc(TYPE, { [c.field.name]: value })
}

function read (c: FieldCase, resource: Resource): unknown {
  return c.relationship ? resource.relationships[c.field.name]?.data : resource.attributes[c.field.name]
}

async function list (t: Test, app: ContentApp, query: Record<string, unknown>, status = 200) {
  const url = `${CONTENT}/${TYPE}?${qs.stringify(query)}`
  const response = await app.jsonapi('GET', url)
  return { response, body: status === 200 ? expectDocument<ListDocument>(t, response, 200, `GET ${decodeURIComponent(url)}`) : undefined }
}

eachDatabase(t, 'every core field type passes the field contract', async (t, db) => {
  const app = await bootContent(t, db)
  await app.createType({ id: 'target', label: 'Target', fields: [{ name: 'name', type: 'string' }] })
  const refs: string[] = []
  for (const name of ['one', 'two']) {
    const created = expectDocument<ItemDocument>(t, await app.jsonapi('POST', `${CONTENT}/target`, doc('target', { name })), 201, `target ${name}`)
    refs.push(created.data.id)
  }
  const user = (await app.request('GET', '/admin/api/auth/me')).json<{ data: { id: string } }>().data.id
  const ctx = { refs: refs as [string, string], user }
  await app.createType({ id: TYPE, label: 'All fields', fields: fieldCases.map(c => c.field) })

  for (const c of fieldCases) {
    await t.test(c.type, async t => {
      const name = c.field.name
      const ids: string[] = []
      for (const [i, [input, output]] of c.good(ctx).entries()) {
        const label = `good #${i} ${JSON.stringify(input)?.slice(0, 60)}`
        const response = await app.jsonapi('POST', `${CONTENT}/${TYPE}`, send(c, input))
        const created = expectDocument<ItemDocument>(t, response, 201, label)
        t.strictSame(read(c, created.data), output, `${label} answered as stored`)
        ids.push(created.data.id)
        const fetched = await app.jsonapi('GET', `${CONTENT}/${TYPE}/${created.data.id}`)
        t.strictSame(read(c, expectDocument<ItemDocument>(t, fetched, 200, label).data), output, `${label} reads back exactly`)
        if (typeof output === 'string') {
          t.ok(fetched.rawPayload.includes(Buffer.from(JSON.stringify(output).slice(1, -1), 'utf8')), `${label} byte for byte`)
        }
      }

      const prefix = c.relationship ? `/data/relationships/${name}` : `/data/attributes/${name}`
      for (const [i, value] of c.bad(ctx).entries()) {
        const label = `bad #${i} ${JSON.stringify(value)?.slice(0, 60)}`
        const before = await app.counts(TYPE)
        const errors = expectErrors(t, await app.jsonapi('POST', `${CONTENT}/${TYPE}`, send(c, value)), 422, label)
        t.equal(errors.length, 1, `${label}: one error object for one violation`)
        t.ok(errors.every(e => e.source?.pointer === prefix || e.source?.pointer?.startsWith(prefix + '/')),
          `${label} points at ${prefix}: ${errors.map(e => e.source?.pointer).join(', ')}`)
        t.strictSame(await app.counts(TYPE), before, `${label} wrote nothing`)
      }

      for (const filter of c.filters?.(ctx) ?? []) {
        const key = filter.path ?? name
        const { body } = await list(t, app, { filter: { [key]: { operator: filter.operator, value: filter.value } } })
        t.strictSame(body?.data.map(r => r.id).sort(), filter.matches.map(i => ids[i]).sort(), `filter ${key} ${filter.operator} ${String(filter.value)}`)
      }
      if (c.unsupportedOperator) {
        const { response } = await list(t, app, { filter: { [name]: { operator: c.unsupportedOperator, value: 'x' } } }, 400)
        const [error] = expectErrors(t, response, 400, `operator ${c.unsupportedOperator}`)
        t.match(error?.source?.parameter, /^filter\[/)
      }
      if (c.badFilterValue !== undefined) {
        const { response } = await list(t, app, { filter: { [name]: { operator: '=', value: c.badFilterValue } } }, 400)
        expectErrors(t, response, 400, `filter value ${c.badFilterValue}`)
      }

      if (c.sortOrder) {
        const expected = c.sortOrder.map(i => ids[i] as string)
        const only = (body: ListDocument | undefined) => body?.data.map(r => r.id).filter(id => expected.includes(id))
        const ascending = await list(t, app, { sort: name, filter: { [name]: { operator: 'IS NOT NULL' } } })
        t.strictSame(only(ascending.body), expected, `sort=${name}`)
        const descending = await list(t, app, { sort: `-${name}`, filter: { [name]: { operator: 'IS NOT NULL' } } })
        t.strictSame(only(descending.body), [...expected].reverse(), `sort=-${name}`)
      } else {
        const { response } = await list(t, app, { sort: name }, 400)
        const [error] = expectErrors(t, response, 400, `sort=${name}`)
        t.equal(error?.source?.parameter, 'sort')
      }
    })
  }
})
