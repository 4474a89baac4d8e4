// Dated policy parameters of the obligation engine (DOMAIN.md: a district changes a parameter from
// a date on). api/openapi.yaml: /policy — GET for any logged-in user, PUT with policy:manage.
import { http } from './http'
import type { CivilDate } from './types'

/** `name` takes `value` from `effective_from` on. */
export interface PolicyEntry {
  name: string
  value: string
  effective_from: CivilDate
}

/** GET /policy: the parameter names the server accepts and every dated entry, by (date, name). */
export interface Policy {
  parameters: string[]
  entries: PolicyEntry[]
}

/** PUT /policy: the change is committed; every person's tasks are recomputed by job `job_id`. */
export interface PolicySaved {
  status: 'updated'
  job_id: number
}

/** GET /jobs/{id}: a background job and its progress (done of total persons). */
export interface Job {
  id: number
  kind: string
  state: 'running' | 'done' | 'failed'
  done: number
  total: number
  started_at: string
  finished_at: string | null
  started_by: string
  error_code: string
}

export const policyApi = {
  get: () => http.get<Policy>('/policy'),
  /** Errors: POLICY_UNKNOWN_PARAMETER (name), POLICY_BAD_VALUE (value), POLICY_BAD_DATE (effective_from). */
  set: (entry: PolicyEntry) => http.put<PolicySaved>('/policy', entry),
  job: (id: number) => http.get<Job>(`/jobs/${id}`),
}
