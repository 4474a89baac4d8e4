// Issue 10: the transitional hardship allowance (过渡性困难生活补助金, R-ALW-1..6). api/openapi.yaml:
// /persons/{id}/allowance, /persons/{id}/household-kinds, /allowance/applications/{aid}/steps,
// /allowance/work, /allowance/due, /allowance/runs…, /allowance/ledger/{eid}/reverse,
// /allowance/report, /allowance/standards.
import { download, http } from './http'
import type { CivilDate, Schemas } from './types'

export type HouseholdKind = Schemas['HouseholdKindCode']
export const HOUSEHOLD_KINDS: HouseholdKind[] = ['urban', 'rural']
export type HouseholdKindEntry = Schemas['HouseholdKindEntry']
export type AllowanceState = Schemas['AllowanceState']
export type AllowanceStepCode = Schemas['AllowanceStepCode']
export type AllowanceAction = Schemas['AllowanceAction']
export type AllowanceDocuments = Schemas['AllowanceDocuments']
export const ALLOWANCE_DOCUMENTS: (keyof AllowanceDocuments)[] = ['release_certificate', 'id_card', 'household_register']
export type AllowanceApplyInput = Schemas['AllowanceApplyInput']
export type AllowanceStepInput = Schemas['AllowanceStepInput']
export type AllowanceStep = Schemas['AllowanceStep']
export type AllowanceMonth = Schemas['AllowanceMonth']
export type AllowanceEntitlement = Schemas['AllowanceEntitlement']
export type LedgerEntry = Schemas['LedgerEntry']
export type AllowanceApplication = Schemas['AllowanceApplication']
export type AllowanceSection = Schemas['AllowanceSection']
export type AllowanceWorkItem = Schemas['AllowanceWorkItem']
export type AllowanceWorkView = 'waiting' | 'overdue'
export type AllowanceLine = Schemas['AllowanceLine']
export type AllowanceDue = Schemas['AllowanceDue']
export type AllowanceRun = Schemas['AllowanceRun']
export type AllowanceReport = Schemas['AllowanceReport']
export type AllowanceReportRow = Schemas['AllowanceReportRow']
export type AllowanceStandard = Schemas['AllowanceStandard']
export type AllowanceStandards = Schemas['AllowanceStandards']
/** A calendar month, YYYY-MM. */
export type YearMonth = string

export const allowanceApi = {
  section: (personId: number, viewId?: string) =>
    http.get<AllowanceSection>(`/persons/${personId}/allowance`, undefined, { viewId }),
  apply: (personId: number, body: AllowanceApplyInput) => http.post<Schemas['Created']>(`/persons/${personId}/allowance`, body),
  recordHouseholdKind: (personId: number, body: Schemas['HouseholdKindInput']) =>
    http.post<Schemas['Created']>(`/persons/${personId}/household-kinds`, body),
  step: (applicationId: number, body: AllowanceStepInput) =>
    http.post<{ state: AllowanceState }>(`/allowance/applications/${applicationId}/steps`, body),
  work: (view: AllowanceWorkView, page = 1, pageSize = 20) =>
    http.get<Schemas['AllowanceWorkPage']>('/allowance/work', { view, page, page_size: pageSize }),
  due: (townshipUnitId: number, month: YearMonth) =>
    http.get<AllowanceDue>('/allowance/due', { township_unit_id: townshipUnitId, month }),
  runs: (townshipUnitId: number, month?: YearMonth) =>
    http.get<Schemas['AllowanceRunList']>('/allowance/runs', { township_unit_id: townshipUnitId, month }),
  run: (runId: number) => http.get<AllowanceRun>(`/allowance/runs/${runId}`),
  confirmRun: (body: Schemas['AllowanceRunInput']) => http.post<Schemas['Created']>('/allowance/runs', body),
  payRun: (runId: number, on: CivilDate) => http.post<{ status: 'paid' }>(`/allowance/runs/${runId}/paid`, { on }),
  cancelRun: (runId: number, reason: string) =>
    http.post<{ status: 'cancelled' }>(`/allowance/runs/${runId}/cancel`, { reason }),
  runXlsx: (runId: number, locale: string, fallbackName: string) =>
    download('GET', `/allowance/runs/${runId}/xlsx?locale=${encodeURIComponent(locale)}`, fallbackName),
  reverse: (entryId: number, on: CivilDate, reason: string) =>
    http.post<Schemas['Created']>(`/allowance/ledger/${entryId}/reverse`, { on, reason }),
  report: (from: YearMonth, to: YearMonth) => http.get<AllowanceReport>('/allowance/report', { from, to }),
  standards: () => http.get<AllowanceStandards>('/allowance/standards'),
}
