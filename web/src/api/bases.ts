// Transitional resettlement bases (R-BASE-1) and human resources' skills trainings (R-EMP-2).
// api/openapi.yaml: /bases, /bases/{id}, /bases/{id}/agreements, /base-tasks, /persons/{id}/placements,
// /placements/{id}/end, /trainings, /trainings/{id}, /trainings/{id}/enrolments,
// /enrolments/{id}/attendance, /training-tasks, /persons/{id}/trainings.
import { http } from './http'
import type { Schemas } from './types'

export type Base = Schemas['Base']
export type BaseDetail = Schemas['BaseDetail']
export type BaseInput = Schemas['BaseInput']
export type BaseAgreement = Schemas['BaseAgreement']
export type BaseAgreementInput = Schemas['BaseAgreementInput']
export type BasePlacement = Schemas['BasePlacement']
export type BaseServiceKind = Schemas['BaseService']
export const BASE_SERVICES: BaseServiceKind[] = ['lodging', 'work', 'training', 'counselling']

export type Training = Schemas['Training']
export type TrainingDetail = Schemas['TrainingDetail']
export type TrainingInput = Schemas['TrainingInput']
export type TrainingEnrolment = Schemas['TrainingEnrolment']
export type PersonTraining = Schemas['PersonTrainingList']['items'][number]

/** "3/8": the places taken of the agreement valid today, or "3/—" with none. */
export function occupancyText(b: Pick<Base, 'occupied' | 'agreement'>): string {
  return `${b.occupied}/${b.agreement ? b.agreement.capacity : '—'}`
}

/** True when the base can take one more person today (an agreement valid today with a free place). */
export function hasPlace(b: Pick<Base, 'occupied' | 'agreement'>): boolean {
  return !!b.agreement && b.occupied < b.agreement.capacity
}

export const basesApi = {
  list: () => http.get<Schemas['BaseList']>('/bases'),
  get: (id: number) => http.get<BaseDetail>(`/bases/${id}`),
  create: (body: BaseInput) => http.post<Schemas['Created']>('/bases', body),
  update: (id: number, body: BaseInput) => http.put<Schemas['StatusSaved']>(`/bases/${id}`, body),
  addAgreement: (id: number, body: BaseAgreementInput) => http.post<Schemas['Created']>(`/bases/${id}/agreements`, body),
  tasks: () => http.get<Schemas['PersonTaskList']>('/base-tasks'),
  ofPerson: (personId: number, viewId?: string) =>
    http.get<Schemas['BasePlacementList']>(`/persons/${personId}/placements`, undefined, { viewId }),
  place: (personId: number, body: Schemas['BasePlacementInput']) => http.post<Schemas['Created']>(`/persons/${personId}/placements`, body),
  end: (placementId: number, body: Schemas['BasePlacementEndInput']) => http.post<Schemas['StatusEnded']>(`/placements/${placementId}/end`, body),
}

export const trainingsApi = {
  list: () => http.get<Schemas['TrainingList']>('/trainings'),
  get: (id: number) => http.get<TrainingDetail>(`/trainings/${id}`),
  create: (body: TrainingInput) => http.post<Schemas['Created']>('/trainings', body),
  update: (id: number, body: TrainingInput) => http.put<Schemas['StatusSaved']>(`/trainings/${id}`, body),
  enrol: (trainingId: number, personId: number) => http.post<Schemas['Created']>(`/trainings/${trainingId}/enrolments`, { person_id: personId }),
  attendance: (enrolmentId: number, body: Schemas['TrainingAttendanceInput']) =>
    http.put<Schemas['StatusSaved']>(`/enrolments/${enrolmentId}/attendance`, body),
  tasks: () => http.get<Schemas['PersonTaskList']>('/training-tasks'),
  ofPerson: (personId: number, viewId?: string) =>
    http.get<Schemas['PersonTrainingList']>(`/persons/${personId}/trainings`, undefined, { viewId }),
}
