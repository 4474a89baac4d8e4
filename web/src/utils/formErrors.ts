import { ApiError } from '@/api/http'

/**
 * Puts a server validation error on the form field it names (`error.field`, or the field mapped
 * from its code), so el-form-item shows it under the input. Returns false when the error names
 * no field (the caller then shows it as a toast).
 */
export function applyFieldError(e: unknown, errors: Record<string, string>, byCode: Record<string, string> = {}): boolean {
  if (!(e instanceof ApiError)) return false
  const field = e.field || byCode[e.code]
  if (!field) return false
  errors[field] = ''
  // el-form-item only shows `error` when it changes: clear, then set on the next tick.
  queueMicrotask(() => {
    errors[field] = e.message || e.code
  })
  return true
}
