import { http } from './http'
import type { Schemas } from './types'

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

export type AuditEntry = Schemas['AuditEntry']

/** Body of POST /audit/search: person is a name or full ID number (in the body, never in the URL). */
export type AuditQuery = Schemas['AuditQuery']

export const auditApi = {
  list: (q: AuditQuery) => http.post<Schemas['AuditPage']>('/audit/search', q),
}
