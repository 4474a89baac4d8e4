import { http } from './http'
import type { Schemas } from './types'

/** Every audit action code: the list of src/app/core/audit_actions.hpp (audit.test.ts compares them). */
export const AUDIT_ACTIONS = [
  'login_success',
  'login_failure',
  'logout',
  'password_change',
  'password_change_failure',
  'password_reset',
  'user_create',
  'user_update',
  'role_update',
  'unit_create',
  'unit_update',
  'policy_update',
  'seed_demo',
  'person_read',
  'person_search',
  'person_refused',
  'id_unmask',
  'export',
  'document_list',
  'document_read',
  'task_list',
  'transfer_list',
  'person_create',
  'person_update',
  'person_duplicate_id',
  'period_end',
  'document_send',
  'document_correct',
  'custody_confirm',
  'family_help_create',
  'pickup_create',
  'registration_create',
  'registration_correct',
  'follow_up_create',
  'release_notification_create',
  'custody_create',
  'custody_end',
  'transfer_request',
  'transfer_decide',
  'transfer_withdraw',
  'meeting_create',
  'probe_change',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export type AuditEntry = Schemas['AuditEntry']

/** Body of POST /audit/search: person is a name or full ID number (in the body, never in the URL). */
export type AuditQuery = Schemas['AuditQuery']

export const auditApi = {
  list: (q: AuditQuery) => http.post<Schemas['AuditPage']>('/audit/search', q),
}
