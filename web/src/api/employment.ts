// Issue 9: employment (R-EMP-1 status entries and services, R-EMP-3 benefits) and the derived
// 安置情况. api/openapi.yaml: /persons/{id}/employment, /persons/{id}/employment/{statuses,services,benefits}.
import { http } from './http'
import type { Schemas } from './types'

export type EmploymentKind = Schemas['EmploymentKind']
export const EMPLOYMENT_KINDS: EmploymentKind[] = ['employed', 'self_employed', 'in_base', 'farming', 'unable_to_work', 'seeking_work', 'not_willing', 'unknown']
/** The kinds of a person who works (no reason or family support goes with them). */
export const WORKING_KINDS: EmploymentKind[] = ['employed', 'self_employed', 'in_base', 'farming']
export const UNRESETTLED_REASONS = ['seeking_work', 'unable_to_work', 'unwilling', 'not_reached', 'other'] as const
export type EmploymentServiceKind = Schemas['EmploymentServiceKind']
export const SERVICE_KINDS: EmploymentServiceKind[] = ['advice', 'guidance', 'job_introduction']
export const SERVICE_RESULTS = ['pending', 'hired', 'not_hired'] as const
export type EmploymentBenefitKind = Schemas['EmploymentBenefitKind']
export const BENEFIT_KINDS: EmploymentBenefitKind[] = ['social_insurance_subsidy', 'job_subsidy', 'entrepreneurship_training', 'micro_loan', 'tax_incentive', 'hiring_subsidy']
export type Resettlement = Schemas['Resettlement']
export const RESETTLEMENTS: Resettlement[] = ['employed', 'self_employed', 'farming', 'in_base', 'social_assistance', 'family_support', 'not_resettled']
export type EmploymentSection = Schemas['EmploymentSection']
export type EmploymentStatus = Schemas['EmploymentStatus']
export type EmploymentStatusInput = Schemas['EmploymentStatusInput']
export type EmploymentServiceInput = Schemas['EmploymentServiceInput']
export type EmploymentBenefitInput = Schemas['EmploymentBenefitInput']

export const employmentApi = {
  ofPerson: (personId: number, viewId?: string) => http.get<EmploymentSection>(`/persons/${personId}/employment`, undefined, { viewId }),
  recordStatus: (personId: number, body: EmploymentStatusInput) => http.post<Schemas['Created']>(`/persons/${personId}/employment/statuses`, body),
  recordService: (personId: number, body: EmploymentServiceInput) => http.post<Schemas['Created']>(`/persons/${personId}/employment/services`, body),
  recordBenefit: (personId: number, body: EmploymentBenefitInput) => http.post<Schemas['Created']>(`/persons/${personId}/employment/benefits`, body),
}

/** Yuan as the user types it ("1234.5") → integer fen, or null when it is no amount. */
export function yuanToFen(text: string): number | null {
  const s = text.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null
  const [whole, frac = ''] = s.split('.')
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2))
}

/** Integer fen → "1,234.50". */
export function fenToYuan(fen: number): string {
  const yuan = Math.floor(fen / 100)
  return `${yuan.toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`
}
