import { http } from './http'
import type { CivilDate, Instant, PageOf } from './types'

export const AUDIT_ACTIONS = [
  'login_success',
  'login_failure',
  'logout',
  'person_read',
  'person_create',
  'person_update',
  'person_search',
  'export',
  'user_create',
  'user_update',
  'password_change',
  'password_reset',
  'unit_create',
  'unit_update',
  'role_update',
  'seed_demo',
  'person_duplicate_id',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditEntry {
  id: number
  at: Instant
  user_id: number | null
  username: string
  unit_name: string
  ip: string
  action: AuditAction | string
  object_type: string
  object_id: number | null
  object_label: string
  /** JSON: field changes [{field, old, new}] or query parameters. */
  detail: string
}

export interface AuditQuery {
  username?: string
  action?: string
  /** Person name or full ID number (sent in the JSON body, never in the URL). */
  person?: string
  from?: CivilDate
  to?: CivilDate
  page?: number
  page_size?: number
}

export const auditApi = {
  list: (q: AuditQuery) => http.post<PageOf<AuditEntry>>('/audit/search', q),
}
