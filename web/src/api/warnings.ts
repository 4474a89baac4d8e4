// Issue 8: warnings and re-offending (R-WRN-1), going out for work (R-OUT-1), the police workbench.
// api/openapi.yaml: /persons/{id}/warnings, /persons/{id}/reoffences, /workbench/police,
// /persons/{id}/outings, /outings/incoming.
import { http } from './http'
import type { CivilDate, Schemas } from './types'

export type WarningSignKind = Schemas['WarningSignKind']
export const WARNING_SIGN_KINDS: WarningSignKind[] = ['threat', 'conflict', 'bad_company', 'drugs', 'gambling', 'unstable', 'other']
export type Warning = Schemas['Warning']
export type Reoffence = Schemas['Reoffence']
export type PersonWarnings = Schemas['PersonWarnings']
export type WarningInput = Schemas['WarningInput']
export type ReoffenceInput = Schemas['ReoffenceInput']
export type PoliceBoard = Schemas['PoliceBoard']
export type Outing = Schemas['Outing']
export type OutingInput = Schemas['OutingInput']

export const warningsApi = {
  ofPerson: (personId: number, viewId?: string) => http.get<PersonWarnings>(`/persons/${personId}/warnings`, undefined, { viewId }),
  record: (personId: number, body: WarningInput) => http.post<Schemas['Created']>(`/persons/${personId}/warnings`, body),
  notice: (personId: number, id: number, notifiedOn: CivilDate, officer: string) =>
    http.post<unknown>(`/persons/${personId}/warnings/${id}/notice`, { notified_on: notifiedOn, officer }),
  lift: (personId: number, id: number, liftedOn: CivilDate, reason: string) =>
    http.post<unknown>(`/persons/${personId}/warnings/${id}/lift`, { lifted_on: liftedOn, reason }),
  reoffence: (personId: number, body: ReoffenceInput) => http.post<Schemas['Created']>(`/persons/${personId}/reoffences`, body),
  policeBoard: () => http.get<PoliceBoard>('/workbench/police'),
}

export const outingsApi = {
  ofPerson: (personId: number, viewId?: string) => http.get<Schemas['Outings']>(`/persons/${personId}/outings`, undefined, { viewId }),
  record: (personId: number, body: OutingInput) => http.post<Schemas['Created']>(`/persons/${personId}/outings`, body),
  returned: (personId: number, id: number, returnedOn: CivilDate) =>
    http.post<unknown>(`/persons/${personId}/outings/${id}/return`, { returned_on: returnedOn }),
  incoming: () => http.get<Schemas['Outings']>('/outings/incoming'),
}
