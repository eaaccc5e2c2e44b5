// Serializes a user as a JSON:API resource for the content API: public attributes only.
import type { PublicUser } from '../includes/users.js'
import { USER_TYPE } from '../includes/users.js'
import type { ResourceObject, SerializeContext } from './serialize-resource.js'

export function serializeUser (user: PublicUser, ctx: SerializeContext): ResourceObject {
  const wanted = ctx.fields?.get(USER_TYPE)
  const attributes: Record<string, unknown> = {}
  if (!wanted || wanted.has('display_name')) attributes.display_name = user.displayName
  return { type: USER_TYPE, id: user.id, attributes, relationships: {}, links: { self: `${ctx.baseUrl}/${USER_TYPE}/${user.id}` } }
}
