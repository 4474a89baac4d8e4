// Dated policy parameters of the obligation engine (DOMAIN.md: a district changes a parameter from
// a date on). api/openapi.yaml: /policy — GET for any logged-in user, PUT with policy:manage.
import { http } from './http'
import type { Schemas } from './types'

/** `name` takes `value` from `effective_from` on. */
export type PolicyEntry = Schemas['PolicyEntry']
/** GET /policy: the parameter names the server accepts and every dated entry, by (date, name). */
export type Policy = Schemas['Policy']

export const policyApi = {
  get: () => http.get<Policy>('/policy'),
  /** Errors: POLICY_UNKNOWN_PARAMETER (name), POLICY_BAD_VALUE (value), POLICY_BAD_DATE (effective_from). */
  set: (entry: PolicyEntry) => http.put<Schemas['PolicyUpdated']>('/policy', entry),
}
