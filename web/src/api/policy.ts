// Dated policy parameters of the obligation engine (DOMAIN.md: a district changes a parameter from
// a date on). api/openapi.yaml: /policy — GET for any logged-in user, PUT with policy:manage;
// /jobs/{id} — the background recomputation a change starts.
import { http } from './http'
import type { Schemas } from './types'

/** `name` takes `value` from `effective_from` on. */
export type PolicyEntry = Schemas['PolicyEntry']
/** GET /policy: the parameter names the server accepts and every dated entry, by (date, name). */
export type Policy = Schemas['Policy']
/** PUT /policy: the change is committed; every person's tasks are recomputed by job `job_id`. */
export type PolicySaved = Schemas['PolicyUpdated']
/** GET /jobs/{id}: a background job and its progress (done of total persons). */
export type Job = Schemas['Job']

export const policyApi = {
  get: () => http.get<Policy>('/policy'),
  /** Errors: POLICY_UNKNOWN_PARAMETER (name), POLICY_BAD_VALUE (value), POLICY_BAD_DATE (effective_from), JOB_RUNNING. */
  set: (entry: PolicyEntry) => http.put<PolicySaved>('/policy', entry),
  job: (id: number) => http.get<Job>(`/jobs/${id}`),
}
