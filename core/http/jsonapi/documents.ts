// Top-level JSON:API documents and sending them with the JSON:API media type.
import type { FastifyReply } from 'fastify'
import type { ResourceObject } from '../../content/serialize/serialize-resource.js'
import { JSONAPI_MEDIA_TYPE } from './negotiation.js'

export const JSONAPI_VERSION = { version: '1.1' } as const

export interface JsonApiDocument {
  jsonapi: typeof JSONAPI_VERSION
  data: ResourceObject | ResourceObject[] | Record<string, unknown> | Array<Record<string, unknown>> | null
  links?: Record<string, string | null>
  meta?: Record<string, unknown>
  included?: ResourceObject[]
}

export function document (data: JsonApiDocument['data'], links: Record<string, string | null>, extra: Partial<Pick<JsonApiDocument, 'meta' | 'included'>> = {}): JsonApiDocument {
  const doc: JsonApiDocument = { jsonapi: JSONAPI_VERSION, data, links }
  if (extra.meta && Object.keys(extra.meta).length > 0) doc.meta = extra.meta
  if (extra.included) doc.included = extra.included
  return doc
}

export function sendDocument (reply: FastifyReply, status: number, doc: JsonApiDocument): FastifyReply {
  // A Buffer keeps fastify from appending "; charset=utf-8": JSON:API allows no such parameter.
  return reply.code(status).type(JSONAPI_MEDIA_TYPE).send(Buffer.from(JSON.stringify(doc)))
}
