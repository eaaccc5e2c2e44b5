// The one catalogue of coded errors: every failure a client can cause maps to one of these.
export interface ErrorSource { pointer?: string, parameter?: string, header?: string }

export interface ErrorItem {
  code: string
  title: string
  detail: string
  source?: ErrorSource
  status: number
}

const catalogue = {
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  INVALID_JSON: { status: 400, title: 'Malformed JSON' },
  INVALID_QUERY: { status: 400, title: 'Invalid query parameter' },
  UNAUTHORIZED: { status: 401, title: 'Unauthorized' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PRECONDITION_FAILED: { status: 412, title: 'Precondition failed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  VALIDATION: { status: 422, title: 'Unprocessable content' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal server error' },
  UNAVAILABLE: { status: 503, title: 'Service unavailable' }
} as const

export type ErrorCode = keyof typeof catalogue

/** A coded error; `items` holds one entry per violation (422 carries several). */
export class CmsError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly items: ErrorItem[]
  readonly headers: Record<string, string>

  constructor (code: ErrorCode, detail: string, options: { source?: ErrorSource, items?: ErrorItem[], headers?: Record<string, string> } = {}) {
    super(detail)
    this.name = 'CmsError'
    this.code = code
    this.status = catalogue[code].status
    this.headers = options.headers ?? {}
    this.items = options.items ?? [errorItem(code, detail, options.source)]
  }
}

export function errorItem (code: ErrorCode, detail: string, source?: ErrorSource): ErrorItem {
  const item: ErrorItem = { status: catalogue[code].status, code, title: catalogue[code].title, detail }
  if (source) item.source = source
  return item
}

/** 422 with one error object per violation. */
export function validationError (violations: Array<{ pointer: string, detail: string }>): CmsError {
  const items = violations.map(v => errorItem('VALIDATION', v.detail, { pointer: v.pointer }))
  return new CmsError('VALIDATION', items[0]?.detail ?? 'Invalid content', { items })
}

export function isCmsError (error: unknown): error is CmsError {
  return error instanceof CmsError
}
