import { download, http } from './http'
import type { Schemas } from './types'

export type Gender = Schemas['Gender']
export type PersonStatus = Schemas['PersonStatus']
export type ReleaseKind = Schemas['ReleaseKind']
export type SentenceType = Schemas['SentenceType']

export const GENDERS: Gender[] = ['1', '2', '0', '9']
export const PERSON_STATUSES: PersonStatus[] = ['in_custody', 'under_assistance', 'ended']
export const RELEASE_KINDS: ReleaseKind[] = ['prison', 'detention_centre', 'community_correction']
export const SENTENCE_TYPES: SentenceType[] = [
  'fixed_term',
  'life',
  'death_suspended',
  'criminal_detention',
  'public_surveillance',
  'fine_only',
  'exempted',
]

/**
 * Body of POST /persons and PUT /persons/{id}: PersonInput of api/openapi.yaml, as the person form
 * holds it — the fields a new form starts without are '' or null until chosen (the server answers
 * FIELD_REQUIRED for them).
 */
export type PersonInput = Omit<
  Schemas['PersonInput'],
  'gender' | 'household_unit_id' | 'residence_unit_id' | 'release_kind' | 'identity_verified' | 'charge_ids'
> & {
  gender: Gender | ''
  household_unit_id: number | null
  residence_unit_id: number | null
  release_kind: ReleaseKind | ''
  identity_verified: boolean
  charge_ids: number[]
}

export type Person = Schemas['Person']
export type PersonSummary = Schemas['PersonSummary']
export type PersonSort = Schemas['PersonSort']
/** Filters of POST /persons/search and of the export body (never put in any URL). */
export type PersonFilter = Schemas['PersonFilter']
export type PersonQuery = Schemas['PersonQuery']
export type FieldChange = Schemas['FieldChange']
export type TimelineEntry = Schemas['TimelineEntry']

export const personsApi = {
  /** Names and ID numbers travel in the JSON body, never in the URL. */
  list: (q: PersonQuery) => http.post<Schemas['PersonPage']>('/persons/search', q),
  /** `viewId`: the page view of the file (one access record per view, see pageView.ts). */
  get: (id: number, viewId?: string) => http.get<Person>(`/persons/${id}`, undefined, { viewId }),
  /** 显示完整号码 (person:id_full): the full ID number, each call on record as id_unmask. */
  idNumber: (id: number) => http.post<Schemas['IdNumber']>(`/persons/${id}/id-number`),
  create: (body: PersonInput) => http.post<Person>('/persons', body),
  update: (id: number, body: PersonInput) => http.put<Person>(`/persons/${id}`, body),
  timeline: (id: number, viewId?: string) => http.get<Schemas['Timeline']>(`/persons/${id}/timeline`, undefined, { viewId }),
  /** Roster export: the filters travel in the JSON body, never in the URL. */
  /** The file is worded in `locale`, from the same messages as the pages (locales/<locale>/export.json). */
  exportXlsx: (filter: PersonFilter, fallbackName: string, locale: string) =>
    download('POST', `/exports/persons.xlsx?locale=${encodeURIComponent(locale)}`, fallbackName, { body: filter }),
}

/** One reason of the class (R-CLS-1..3), e.g. {criterion: 'false_address', text: '“三假”：假地址（已确认）'}. */
export type ClassReason = Schemas['ClassReason']
export type Classification = Schemas['Classification']
export type ClassHistoryEntry = Classification['history'][number]

export const classificationApi = {
  get: (personId: number, viewId?: string) =>
    http.get<Classification>(`/persons/${personId}/classification`, undefined, { viewId }),
}
