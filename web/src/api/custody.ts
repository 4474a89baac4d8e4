// Custody after release and the assistance periods (R-PER-1). api/openapi.yaml:
// /persons/{id}/custody, /persons/{id}/custody/{cid}/end, /persons/{id}/periods.
import { http } from './http'
import type { CivilDate, Schemas } from './types'

/** 羁押 (a detention that interrupts the period) or 再次判刑收监 (a new sentence that ends it). */
export type CustodyKind = Schemas['CustodyKind']
export const CUSTODY_KINDS: CustodyKind[] = ['detention', 'new_sentence']

/** Where the new sentence is served. */
export type CustodyPlace = Schemas['CustodyPlace']
export const CUSTODY_PLACES: CustodyPlace[] = ['prison', 'detention_centre']

/** How a period ended: not yet (''), 期满解除, 再次判刑收监. */
export type PeriodEnd = Period['end_reason']
export type Period = Schemas['Period']
export type CustodyRecord = Schemas['CustodyRecord']
/** GET /persons/{id}/periods. */
export type Periods = Schemas['Periods']
/** Body of POST /persons/{id}/custody. */
export type CustodyInput = Schemas['CustodyInput']

export const custodyApi = {
  periods: (personId: number, viewId?: string) => http.get<Periods>(`/persons/${personId}/periods`, undefined, { viewId }),
  record: (personId: number, body: CustodyInput) => http.post<Schemas['Created']>(`/persons/${personId}/custody`, body),
  end: (personId: number, custodyId: number, toDate: CivilDate) =>
    http.post<unknown>(`/persons/${personId}/custody/${custodyId}/end`, { to_date: toDate }),
}
