import { ApiError, CLIENT_CODES } from '@/api/http'
import { t } from '@/locales'

/**
 * The text to show the user for a failed request: the server's Chinese message when it gave one,
 * otherwise a localized description of what went wrong.
 */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.message) return e.message
    if (e.code === CLIENT_CODES.network) return t('msg.network')
    if (e.code === CLIENT_CODES.badResponse) return t('msg.badResponse')
    return t('msg.server', { status: e.status })
  }
  if (e instanceof Error && e.message) return e.message
  return t('msg.network')
}

/** Shows a failed request as an error toast; ignores aborted requests. */
export function showError(e: unknown): void {
  if (e instanceof DOMException && e.name === 'AbortError') return
  ElMessage.error({ message: errorMessage(e), grouping: true })
}
