// Custody after release and the assistance periods (R-PER-1). api/openapi.yaml:
// /persons/{id}/custody, /persons/{id}/custody/{cid}/end, /persons/{id}/periods.
import { http } from './http'
import type { CivilDate, UnitRef } from './types'

/** 羁押 (a detention that interrupts the period) or 再次判刑收监 (a new sentence that ends it). */
export type CustodyKind = 'detention' | 'new_sentence'
export const CUSTODY_KINDS: CustodyKind[] = ['detention', 'new_sentence']

/** Where the new sentence is served. */
export type CustodyPlace = 'prison' | 'detention_centre'
export const CUSTODY_PLACES: CustodyPlace[] = ['prison', 'detention_centre']

/** How a period ended: not yet (''), 期满解除, 再次判刑收监. */
export type PeriodEnd = '' | 'expired' | 'new_sentence'

export interface Period {
  release_date: CivilDate
  release_kind: string
  end_date: CivilDate
  ended_on: CivilDate | null
  end_reason: PeriodEnd
}

export interface CustodyRecord {
  id: number
  kind: CustodyKind
  from_date: CivilDate
  to_date: CivilDate | null
  note: string
  unit: UnitRef
}

/** GET /persons/{id}/periods. */
export interface Periods {
  current: Period
  earlier: Period[]
  custody: CustodyRecord[]
}

/** Body of POST /persons/{id}/custody. */
export interface CustodyInput {
  kind: CustodyKind
  from_date: CivilDate
  /** Detention only, optional. */
  to_date?: CivilDate
  /** New sentence only, required. */
  expected_release_date?: CivilDate
  release_kind?: CustodyPlace
  note: string
}

export const custodyApi = {
  periods: (personId: number) => http.get<Periods>(`/persons/${personId}/periods`),
  record: (personId: number, body: CustodyInput) => http.post<{ id: number }>(`/persons/${personId}/custody`, body),
  end: (personId: number, custodyId: number, toDate: CivilDate) =>
    http.post<unknown>(`/persons/${personId}/custody/${custodyId}/end`, { to_date: toDate }),
}
