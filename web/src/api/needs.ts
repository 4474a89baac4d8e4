// Issue 9 (helper D): the needs list (item 1) and social insurance (R-INS-1).
// api/openapi.yaml: /persons/{id}/needs, /persons/{id}/needs/assessments, /persons/{id}/needs/{nid}/updates,
// /needs/open, /persons/{id}/insurance, /persons/{id}/insurance/civil-servant.
import { http } from './http'
import type { QueryOf, Schemas } from './types'

export type NeedCategory = Schemas['NeedCategory']
export type NeedStatus = Schemas['NeedStatus']
export type NeedLinkKind = Schemas['NeedLinkKind']
export type Need = Schemas['Need']
export type NeedUpdate = Schemas['NeedUpdate']
export type OpenNeed = Schemas['OpenNeed']
export type OpenNeeds = Schemas['OpenNeeds']
export type NeedAssessmentInput = Schemas['NeedAssessmentInput']
export type NeedUpdateInput = Schemas['NeedUpdateInput']
export type InsuranceScheme = Schemas['InsuranceScheme']
export type InsuranceStatus = Schemas['InsuranceStatus']
export type InsuranceStep = Schemas['InsuranceStep']
export type InsuranceEntry = Schemas['InsuranceEntry']
export type Insurance = Schemas['Insurance']
export type InsuranceInput = Schemas['InsuranceInput']

export const NEED_CATEGORIES: NeedCategory[] = ['housing', 'work', 'money', 'health', 'family', 'documents']
export const NEED_STATUSES: NeedStatus[] = ['open', 'in_progress', 'met', 'not_needed']
export const NEED_LINK_KINDS: NeedLinkKind[] = ['social_assistance', 'employment_service', 'base_placement', 'help_plan_measure']
export const INSURANCE_SCHEMES: InsuranceScheme[] = ['pension_employee', 'pension_resident', 'unemployment', 'medical']
export const INSURANCE_STATUSES: InsuranceStatus[] = ['insured', 'lapsed', 'transferring', 'transferred', 'not_insured', 'unknown']
export const INSURANCE_STEPS: InsuranceStep[] = ['transfer_applied', 'destination_confirmed', 'transfer_completed', 'continued', 'joined_local']

/** The status a step leaves the scheme in (the form's default; the server checks the pair). */
export function statusAfterStep(step: InsuranceStep | ''): InsuranceStatus | null {
  if (step === 'transfer_applied' || step === 'destination_confirmed') return 'transferring'
  if (step === 'transfer_completed') return 'transferred'
  if (step === 'continued' || step === 'joined_local') return 'insured'
  return null
}

export const needsApi = {
  ofPerson: (personId: number, viewId?: string) => http.get<Schemas['Needs']>(`/persons/${personId}/needs`, undefined, { viewId }),
  assess: (personId: number, body: NeedAssessmentInput) => http.post<Schemas['NeedsTouched']>(`/persons/${personId}/needs/assessments`, body),
  update: (personId: number, needId: number, body: NeedUpdateInput) => http.post<Schemas['Created']>(`/persons/${personId}/needs/${needId}/updates`, body),
  open: (q: QueryOf<'openNeeds'>) => http.get<OpenNeeds>('/needs/open', { ...q }),
}

export const insuranceApi = {
  ofPerson: (personId: number, viewId?: string) => http.get<Insurance>(`/persons/${personId}/insurance`, undefined, { viewId }),
  record: (personId: number, body: InsuranceInput) => http.post<Schemas['Created']>(`/persons/${personId}/insurance`, body),
  civilServant: (personId: number, body: Schemas['CivilServantInput']) => http.post<Schemas['Created']>(`/persons/${personId}/insurance/civil-servant`, body),
}
