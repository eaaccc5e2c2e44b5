// Shared by the identity tests: boot with a known administrator, log in, authorise requests.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import { bootTestApp } from '../../helpers/boot.js'
import type { TestDatabase } from '../../helpers/databases.js'
import type { SiteConfig } from '../../../core/settings/config-types.js'
import type { Kernel } from '../../../core/kernel/kernel.js'
import type { ModuleDefinition } from '../../../core/kernel/module-types.js'

export const ADMIN = { email: 'root@example.test', password: 'correct horse battery staple' }

export interface Tokens { accessToken: string, refreshToken: string, tokenType: string, expiresIn: number }

export interface IdentityApp {
  app: FastifyInstance
  kernel: Kernel
  login (email?: string, password?: string): Promise<Tokens>
  as (token: string, options: InjectOptions): Promise<LightMyRequestResponse>
  /** Creates a user through the API (as the administrator) and returns its id. */
  createUser (adminToken: string, body: Record<string, unknown>): Promise<string>
}

export async function bootIdentity (t: Test, db: TestDatabase, site: SiteConfig = {}, moduleSources: Record<string, ModuleDefinition> = {}): Promise<IdentityApp> {
  const { app, kernel } = await bootTestApp(t, db, { site: { admin: ADMIN, ...site }, moduleSources })
  const as = (token: string, options: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } })
  const login = async (email = ADMIN.email, password = ADMIN.password): Promise<Tokens> => {
    const response = await app.inject({ method: 'POST', url: '/admin/api/auth/login', payload: { email, password } })
    if (response.statusCode !== 200) throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`)
    return response.json<Tokens>()
  }
  const createUser = async (adminToken: string, body: Record<string, unknown>): Promise<string> => {
    const response = await as(adminToken, { method: 'POST', url: '/admin/api/users', payload: body })
    if (response.statusCode !== 201) throw new Error(`user creation failed: ${response.statusCode} ${response.body}`)
    return response.json<{ data: { id: string } }>().data.id
  }
  return { app, kernel, login, as, createUser }
}
