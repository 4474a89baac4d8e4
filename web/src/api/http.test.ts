import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildQuery, configureHttp, download, filenameFromDisposition, http, toApiError } from './http'

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

describe('toApiError', () => {
  it('keeps code, Chinese message and field of the contract error body', () => {
    const e = toApiError(400, { error: { code: 'ID_NUMBER_CHECK_DIGIT', message: '身份证号码校验位错误', field: 'id_number' } })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(400)
    expect(e.code).toBe('ID_NUMBER_CHECK_DIGIT')
    expect(e.message).toBe('身份证号码校验位错误')
    expect(e.field).toBe('id_number')
  })

  it('treats a missing field as empty', () => {
    const e = toApiError(401, { error: { code: 'AUTH_INVALID', message: '用户名或密码错误' } })
    expect(e.field).toBe('')
    expect(e.code).toBe('AUTH_INVALID')
  })

  it('falls back to HTTP_<status> for bodies that are not the contract shape', () => {
    expect(toApiError(502, null).code).toBe('HTTP_502')
    expect(toApiError(500, 'oops').code).toBe('HTTP_500')
    expect(toApiError(500, { error: 'x' }).code).toBe('HTTP_500')
    expect(toApiError(500, { error: { message: 1 } }).message).toBe('')
  })

  it('calls status 0 a network error', () => {
    expect(toApiError(0, null).code).toBe('NETWORK_ERROR')
  })
})

describe('buildQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ q: '张三', page: 1, a: undefined, b: null, c: '', d: false })).toBe('?q=%E5%BC%A0%E4%B8%89&page=1&d=false')
    expect(buildQuery({})).toBe('')
    expect(buildQuery()).toBe('')
  })
})

describe('filenameFromDisposition', () => {
  it('prefers the RFC 5987 UTF-8 name', () => {
    expect(filenameFromDisposition(`attachment; filename="persons.xlsx"; filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C.xlsx`, 'x')).toBe('花名册.xlsx')
    expect(filenameFromDisposition('attachment; filename="roster.xlsx"', 'x')).toBe('roster.xlsx')
    expect(filenameFromDisposition(null, 'fallback.xlsx')).toBe('fallback.xlsx')
  })
})

describe('request', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onUnauthorized = vi.fn()
  const onPasswordChangeRequired = vi.fn()

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    configureHttp({ csrfToken: () => 'tok-123', onUnauthorized, onPasswordChangeRequired })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
    onUnauthorized.mockReset()
    onPasswordChangeRequired.mockReset()
  })

  it('sends GET same-origin without a CSRF header and parses JSON', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [], total: 0 }))
    const r = await http.get<{ total: number }>('/persons', { q: 'zs', page: 1 })
    expect(r.total).toBe(0)
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/persons?q=zs&page=1')
    expect(init?.method).toBe('GET')
    expect(init?.credentials).toBe('same-origin')
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
  })

  it('adds X-CSRF-Token and a JSON body on POST/PUT', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { id: 7 }))
    await http.post('/persons', { name: '张三' })
    const init = fetchMock.mock.calls[0]![1]!
    const headers = init.headers as Record<string, string>
    expect(headers['X-CSRF-Token']).toBe('tok-123')
    expect(headers['Content-Type']).toBe('application/json')
    expect(init.body).toBe('{"name":"张三"}')
  })

  it('resolves undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await expect(http.post('/auth/logout')).resolves.toBeUndefined()
  })

  it('rejects with the server error and reports 401', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { error: { code: 'AUTH_REQUIRED', message: '请先登录', field: '' } }))
    await expect(http.get('/persons')).rejects.toMatchObject({ status: 401, code: 'AUTH_REQUIRED', message: '请先登录' })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('does not report 401 for requests that expect it (login)', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { error: { code: 'AUTH_INVALID', message: '用户名或密码错误', field: '' } }))
    await expect(http.post('/auth/login', {}, { noAuthRedirect: true })).rejects.toMatchObject({ code: 'AUTH_INVALID' })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('reports 403 PASSWORD_CHANGE_REQUIRED but not other 403s', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码', field: '' } }))
    await expect(http.get('/persons')).rejects.toMatchObject({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' })
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
    fetchMock.mockResolvedValueOnce(jsonResponse(403, { error: { code: 'FORBIDDEN', message: '无权限', field: '' } }))
    await expect(http.get('/users')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
  })

  it('maps a non-JSON error body to HTTP_<status>', async () => {
    fetchMock.mockResolvedValue(new Response('<html>bad gateway</html>', { status: 502 }))
    await expect(http.get('/persons')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: '' })
  })

  it('maps a failed fetch to NETWORK_ERROR', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    await expect(http.get('/persons')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' })
  })

  it('maps a 2xx body that is not JSON to BAD_RESPONSE', async () => {
    fetchMock.mockResolvedValue(new Response('<html>', { status: 200 }))
    await expect(http.get('/persons')).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('downloads a blob with the server file name', async () => {
    fetchMock.mockResolvedValue(
      new Response(new Uint8Array([80, 75, 3, 4]), {
        status: 200,
        headers: { 'Content-Disposition': `attachment; filename*=UTF-8''roster.xlsx` },
      }),
    )
    const d = await download('POST', '/exports/persons.xlsx', 'x.xlsx', { body: { status: 'ended' } })
    expect(d.filename).toBe('roster.xlsx')
    expect(d.blob.size).toBe(4)
    const init = fetchMock.mock.calls[0]![1]!
    expect(init.body).toBe('{"status":"ended"}')
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok-123')
  })
})
