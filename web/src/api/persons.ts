import { download, http } from './http'
import type { CivilDate, Instant, ItemsOf, PageOf, UnitRef } from './types'
import type { Charge } from './dicts'

export type Gender = '1' | '2' | '0' | '9'
export type PersonStatus = 'in_custody' | 'under_assistance' | 'detained' | 'ended'
export type ReleaseKind = 'prison' | 'detention_centre' | 'community_correction'
export type SentenceType =
  | 'fixed_term'
  | 'life'
  | 'death_suspended'
  | 'criminal_detention'
  | 'public_surveillance'
  | 'fine_only'
  | 'exempted'

export const GENDERS: Gender[] = ['1', '2', '0', '9']
export const PERSON_STATUSES: PersonStatus[] = ['in_custody', 'under_assistance', 'detained', 'ended']
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

/** Body of POST /persons and PUT /persons/{id} (PersonInput). */
export interface PersonInput {
  name: string
  former_names?: string
  gender: Gender | ''
  ethnic_code?: string
  id_number?: string | null
  identity_verified: boolean
  birth_date?: CivilDate
  education_code?: string
  household_unit_id: number | null
  household_address?: string
  residence_unit_id: number | null
  residence_address?: string
  charge_ids: number[]
  sentence_type?: SentenceType | ''
  sentence_months?: number | null
  release_date: CivilDate
  release_kind: ReleaseKind | ''
  releasing_authority?: string
  family_contact_name?: string
  family_contact_relation?: string
  family_contact_phone?: string
  phone?: string
  /** Required on PUT: the version that was read. */
  version?: number
}

export interface Person extends Omit<PersonInput, 'household_unit_id' | 'residence_unit_id' | 'gender' | 'release_kind' | 'sentence_type'> {
  id: number
  gender: Gender
  release_kind: ReleaseKind
  sentence_type?: SentenceType
  household_unit_id: number
  residence_unit_id: number
  household_unit: UnitRef
  residence_unit: UnitRef
  separated: boolean
  charges: Charge[]
  status: PersonStatus
  assistance_end_date?: CivilDate
  age?: number
  version: number
  created_at: Instant
  updated_at: Instant
}

export interface PersonSummary {
  id: number
  name: string
  gender: Gender
  id_number_masked: string
  identity_verified: boolean
  birth_date: CivilDate
  household_unit: UnitRef
  residence_unit: UnitRef
  separated: boolean
  release_date: CivilDate
  release_kind: ReleaseKind
  status: PersonStatus
  main_charge: string
}

export type PersonSort = 'name' | 'release_date' | 'birth_date' | 'created_at' | 'id'

/** Filters of POST /persons/search and of the export body (never put in any URL). */
export interface PersonFilter {
  q?: string
  unit_id?: number
  status?: PersonStatus
  released_from?: CivilDate
  released_to?: CivilDate
  identity_verified?: boolean
  separated?: boolean
  sort?: PersonSort
  order?: 'asc' | 'desc'
}

export interface PersonQuery extends PersonFilter {
  page?: number
  page_size?: number
}

export interface FieldChange {
  field: string
  old: string
  new: string
}

export interface TimelineEntry {
  id: number
  at: Instant
  kind: 'created' | 'updated' | 'released' | 'note' | string
  user: string
  unit: string
  summary: string
  changes: FieldChange[]
}

export const personsApi = {
  /** Names and ID numbers travel in the JSON body, never in the URL. */
  list: (q: PersonQuery) => http.post<PageOf<PersonSummary>>('/persons/search', q),
  get: (id: number) => http.get<Person>(`/persons/${id}`),
  create: (body: PersonInput) => http.post<Person>('/persons', body),
  update: (id: number, body: PersonInput) => http.put<Person>(`/persons/${id}`, body),
  timeline: (id: number) => http.get<ItemsOf<TimelineEntry>>(`/persons/${id}/timeline`),
  /** Roster export: the filters travel in the JSON body, never in the URL. */
  exportXlsx: (filter: PersonFilter, fallbackName: string) =>
    download('POST', '/exports/persons.xlsx', fallbackName, { body: filter }),
}

/** One reason of the class (R-CLS-1..3), e.g. {criterion: 'false_address', text: '“三假”:假地址(已确认)'}. */
export interface ClassReason {
  criterion: string
  /** In Chinese. */
  text: string
  /** Where it comes from: "charge:1", "document:2", … */
  source: string
}

export interface ClassHistoryEntry {
  from_date: CivilDate
  key: boolean
  reason: string
}

/** GET /persons/{id}/classification. */
export interface Classification {
  class: 'key' | 'general'
  key: boolean
  reasons: ClassReason[]
  /** 三无 factors (strings or {text}); shown as they come. */
  three_none_factors: (string | { text?: string; factor?: string })[]
  history: ClassHistoryEntry[]
}

export const classificationApi = {
  get: (personId: number) => http.get<Classification>(`/persons/${personId}/classification`),
}
