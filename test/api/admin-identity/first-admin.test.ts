// The first administrator: from the configuration when given; otherwise admin@example.com with a
// random password printed once; never again once a user exists.
import t from 'tap'
import { ensureFirstAdministrator } from '../../../core/access/first-admin.js'
import { eachDatabase } from '../../helpers/each-database.js'
import { bootTestApp } from '../../helpers/boot.js'

/** Runs fn with process.stderr captured. */
async function captureStderr<T> (fn: () => Promise<T>): Promise<{ result: T, output: string }> {
  const printed: string[] = []
  const write = process.stderr.write.bind(process.stderr)
  process.stderr.write = ((chunk: string | Uint8Array) => { printed.push(String(chunk)); return true }) as typeof process.stderr.write
  try {
    return { result: await fn(), output: printed.join('') }
  } finally {
    process.stderr.write = write
  }
}

eachDatabase(t, 'without configuration a random password is printed once', async (t, db) => {
  const { result: booted, output } = await captureStderr(() => bootTestApp(t, db))
  t.match(output, /shown ONCE/)
  const password = /password: (\S+)/.exec(output)?.[1] ?? ''
  t.ok(password.length >= 20, 'a long random password')
  t.match(output, /email: +admin@example\.com/)

  const { app, kernel } = booted
  const login = await app.inject({ method: 'POST', url: '/admin/api/auth/login', payload: { email: 'admin@example.com', password } })
  t.equal(login.statusCode, 200, 'the printed password works')
  const more: string[] = []
  t.equal(await ensureFirstAdministrator(kernel, text => { more.push(text) }), undefined, 'nothing when a user exists')
  t.same(more, [])
})

eachDatabase(t, 'configured credentials are used and never printed', async (t, db) => {
  const { result: { app }, output } = await captureStderr(() => bootTestApp(t, db, { site: { admin: { email: 'Boss@Example.test', password: 'configured password' } } }))
  t.notMatch(output, /configured password|shown ONCE/, 'nothing printed')
  const login = await app.inject({ method: 'POST', url: '/admin/api/auth/login', payload: { email: 'boss@example.test', password: 'configured password' } })
  t.equal(login.statusCode, 200)
})

eachDatabase(t, 'a configured password that breaks the policy stops boot, naming the variable', async (t, db) => {
  await t.rejects(bootTestApp(t, db, { site: { admin: { email: 'boss@example.test', password: 'short' } } }), /CMS_ADMIN_PASSWORD/)
})
