// Issue 9: social assistance applications (R-AID-1..6). api/openapi.yaml: /persons/{id}/assistance,
// /persons/{id}/assistance/precheck, /assistance/referrals.
import { http } from './http'
import type { CivilDate, Schemas } from './types'

export type AidKind = Schemas['AidKind']
export const AID_KINDS: AidKind[] = ['dibao', 'tekun', 'medical', 'education', 'housing', 'temporary']
export type AidFacts = Schemas['AidFacts']
export type AidPrecheck = Schemas['AidPrecheck']
export type AidApplication = Schemas['AidApplication']
export type AidApplicationInput = Schemas['AidApplicationInput']
export type AidDecisionInput = Schemas['AidDecisionInput']
export type ReferralView = 'waiting' | 'overdue' | 'decided'
/** The departments an application may be addressed to (unit subkinds of bootstrap). */
export const AID_DEPARTMENTS = ['civil_affairs', 'health', 'education', 'housing', 'hr_social_security'] as const

export const assistanceApi = {
  ofPerson: (personId: number, viewId?: string) =>
    http.get<Schemas['AidApplications']>(`/persons/${personId}/assistance`, undefined, { viewId }),
  precheck: (personId: number, body: Schemas['AidPrecheckInput'], viewId?: string) =>
    http.post<AidPrecheck>(`/persons/${personId}/assistance/precheck`, body, { viewId }),
  apply: (personId: number, body: AidApplicationInput) => http.post<Schemas['Created']>(`/persons/${personId}/assistance`, body),
  referrals: (view: ReferralView, page = 1, pageSize = 20) =>
    http.get<Schemas['AidReferralPage']>('/assistance/referrals', { view, page, page_size: pageSize }),
  referral: (id: number) => http.get<AidApplication>(`/assistance/referrals/${id}`),
  accept: (id: number, on: CivilDate) => http.post<Schemas['AidStatus']>(`/assistance/referrals/${id}/accept`, { on }),
  documents: (id: number, on: CivilDate, missing: string) =>
    http.post<Schemas['AidStatus']>(`/assistance/referrals/${id}/documents`, { on, missing }),
  decide: (id: number, body: AidDecisionInput) => http.post<Schemas['AidStatus']>(`/assistance/referrals/${id}/decision`, body),
}
