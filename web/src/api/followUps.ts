// The visit log (R-VIS-1/2, R-LOST-1) and full reviews (R-REV-1, R-CLS-3). api/openapi.yaml:
// /persons/{id}/visits, /persons/{id}/reviews, /persons/{id}/reviews/{rid}/confirm.
import { http } from './http'
import type { Schemas } from './types'

export type VisitForm = Schemas['VisitForm']
export type VisitOutcome = Schemas['VisitOutcome']
export type VisitInput = Schemas['VisitInput']
export type VisitRecorded = Schemas['VisitRecorded']
export type Visit = Schemas['Visit']
export type ReviewCriterion = Schemas['ReviewCriterion']
export type Conclusion = Schemas['ReviewConclusion']['conclusion']
export type ReviewInput = Schemas['ReviewInput']
export type Review = Schemas['Review']

export const VISIT_FORMS: VisitForm[] = ['home_visit', 'talk', 'phone', 'video', 'at_work', 'via_destination_office']
export const VISIT_OUTCOMES: VisitOutcome[] = ['met', 'not_found', 'refused']
export const SITUATION_ASPECTS = ['work', 'family', 'living', 'health', 'thinking'] as const
export type SituationAspect = (typeof SITUATION_ASPECTS)[number]
export const REVIEW_CRITERIA: ReviewCriterion[] = ['reoffending_tendency', 'three_false', 'three_none', 'national_security']
export const CONCLUSIONS: Conclusion[] = ['holds', 'does_not_hold', 'unknown']

export const followUpsApi = {
  recordVisit: (personId: number, body: VisitInput) => http.post<VisitRecorded>(`/persons/${personId}/visits`, body),
  visits: (personId: number, viewId?: string) =>
    http.get<Schemas['VisitList']>(`/persons/${personId}/visits`, undefined, { viewId }),
  recordReview: (personId: number, body: ReviewInput) =>
    http.post<Schemas['ReviewRecorded']>(`/persons/${personId}/reviews`, body),
  reviews: (personId: number, viewId?: string) =>
    http.get<Schemas['ReviewList']>(`/persons/${personId}/reviews`, undefined, { viewId }),
  confirmReview: (personId: number, reviewId: number) =>
    http.post<Schemas['ReviewConfirmed']>(`/persons/${personId}/reviews/${reviewId}/confirm`),
}

/** The members present as the form holds them (one name a line) → the API's list. */
export function membersOf(text: string): { name: string }[] {
  return text
    .split(/[\n,，、；;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((name) => ({ name }))
}
