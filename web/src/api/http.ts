// Fetch wrapper for the anbang API (api/openapi.yaml).
//
// Contract: every request is same-origin with the session cookie; non-GET requests carry
// X-CSRF-Token; every 4xx/5xx is turned into an ApiError carrying the server's stable `code`,
// its Chinese `message` and the offending `field`. A 401 (session gone) and a
// 403 PASSWORD_CHANGE_REQUIRED are also reported to the hooks installed by the app, which
// send the user to the login or change-password page.

export const API_BASE = '/api/v1'

/** An error answered by the server (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string

  constructor(status: number, code: string, message: string, field = '') {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
  }
}

/** Codes the client produces itself (the server never sends these). */
export const CLIENT_CODES = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Maps an HTTP status and the parsed (or unparsable) body to an ApiError.
 * Pure: the unit tests drive it directly.
 */
export function toApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const e = body.error
    const code = typeof e.code === 'string' && e.code ? e.code : `HTTP_${status}`
    const message = typeof e.message === 'string' ? e.message : ''
    const field = typeof e.field === 'string' ? e.field : ''
    return new ApiError(status, code, message, field)
  }
  return new ApiError(status, status === 0 ? CLIENT_CODES.network : `HTTP_${status}`, '')
}

export interface HttpHooks {
  /** Current CSRF token (from GET /auth/me), '' if none. */
  csrfToken: () => string
  /** The session is gone (401 on an authenticated request). */
  onUnauthorized: () => void
  /** The server demands a password change first. */
  onPasswordChangeRequired: () => void
}

const hooks: HttpHooks = {
  csrfToken: () => '',
  onUnauthorized: () => {},
  onPasswordChangeRequired: () => {},
}

export function configureHttp(h: Partial<HttpHooks>): void {
  Object.assign(hooks, h)
}

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

/** Builds `?a=1&b=x`, leaving out undefined, null and '' values. */
export function buildQuery(query?: Query): string {
  if (!query) return ''
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    p.append(k, String(v))
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not treat 401 as "session expired" (login, probing /auth/me). */
  noAuthRedirect?: boolean
  signal?: AbortSignal
  /** The page view this read belongs to (header X-View-Id; one access record per view and file). */
  viewId?: string
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.viewId) headers['X-View-Id'] = opts.viewId
  if (method !== 'GET') {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let res: Response
  try {
    res = await fetch(API_BASE + path + buildQuery(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw toApiError(0, null)
  }
  if (!res.ok) {
    let body: unknown = null
    try {
      body = await res.json()
    } catch {
      body = null
    }
    const err = toApiError(res.status, body)
    if (res.status === 401 && !opts.noAuthRedirect) hooks.onUnauthorized()
    if (res.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') hooks.onPasswordChangeRequired()
    throw err
  }
  return res
}

/** JSON request; resolves to the parsed body (undefined for 204). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  if (!text) return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ApiError(res.status, CLIENT_CODES.badResponse, '')
  }
}

export interface Download {
  blob: Blob
  filename: string
}

/** Parses the file name out of a Content-Disposition header (RFC 6266 / 5987). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain?.[1]?.trim() || fallback
}

/** A request answered with a file (e.g. the xlsx roster export). */
export async function download(method: string, path: string, fallbackName: string, opts: RequestOptions = {}): Promise<Download> {
  const res = await send(method, path, opts)
  const blob = await res.blob()
  return { blob, filename: filenameFromDisposition(res.headers.get('Content-Disposition'), fallbackName) }
}

export const http = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  del: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
}
