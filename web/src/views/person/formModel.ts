// The person form's model and its conversion to/from the API (PersonInput).
import type { EducationLevel } from '@/api/dicts'
import type { Gender, Person, PersonInput, ReleaseKind, SentenceType } from '@/api/persons'

export interface PersonFormModel {
  name: string
  former_names: string
  gender: Gender | ''
  ethnic_code: string
  id_number: string
  /**
   * The stored number of the file being edited, masked ('' for a new file or a file without one).
   * The form never holds the full number: left empty, the field keeps the stored one.
   */
  id_number_masked: string
  /** The "身份未核实" checkbox: the inverse of identity_verified. */
  unverified: boolean
  birth_date: string
  education_code: string
  household_unit_id: number | null
  household_address: string
  residence_unit_id: number | null
  residence_address: string
  charge_ids: number[]
  sentence_type: SentenceType | ''
  sentence_months: number | null
  release_date: string
  release_kind: ReleaseKind | ''
  releasing_authority: string
  family_contact_name: string
  family_contact_relation: string
  family_contact_phone: string
  phone: string
}

export function emptyPersonForm(): PersonFormModel {
  return {
    name: '',
    former_names: '',
    gender: '',
    ethnic_code: '01',
    id_number: '',
    id_number_masked: '',
    unverified: false,
    birth_date: '',
    education_code: '',
    household_unit_id: null,
    household_address: '',
    residence_unit_id: null,
    residence_address: '',
    charge_ids: [],
    sentence_type: '',
    sentence_months: null,
    release_date: '',
    release_kind: '',
    releasing_authority: '',
    family_contact_name: '',
    family_contact_relation: '',
    family_contact_phone: '',
    phone: '',
  }
}

export function personToForm(p: Person): PersonFormModel {
  return {
    name: p.name ?? '',
    former_names: p.former_names ?? '',
    gender: p.gender ?? '',
    ethnic_code: p.ethnic_code ?? '',
    id_number: '',
    id_number_masked: p.id_number_masked ?? '',
    unverified: !p.identity_verified,
    birth_date: p.birth_date ?? '',
    education_code: p.education_code ?? '',
    household_unit_id: p.household_unit_id ?? p.household_unit?.id ?? null,
    household_address: p.household_address ?? '',
    residence_unit_id: p.residence_unit_id ?? p.residence_unit?.id ?? null,
    residence_address: p.residence_address ?? '',
    charge_ids: p.charge_ids ?? (p.charges ?? []).map((c) => c.id),
    sentence_type: p.sentence_type ?? '',
    sentence_months: p.sentence_months ?? null,
    release_date: p.release_date ?? '',
    release_kind: p.release_kind ?? '',
    releasing_authority: p.releasing_authority ?? '',
    family_contact_name: p.family_contact_name ?? '',
    family_contact_relation: p.family_contact_relation ?? '',
    family_contact_phone: p.family_contact_phone ?? '',
    phone: p.phone ?? '',
  }
}

/** Free text: trimmed; an empty string clears the field on update. */
const txt = (s: string): string => s.trim()
/** Codes and dates: left out when empty (an empty code would not be a valid code). */
const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim())

/** The request body; `version` only for an update. An edit that leaves the ID number empty sends no
 * `id_number` key, so that the server keeps the stored number. */
export function formToInput(f: PersonFormModel, version?: number): PersonInput {
  const id = f.id_number.trim().toUpperCase()
  const keep = id === '' && f.id_number_masked !== ''
  const body: PersonInput = {
    name: f.name.trim(),
    former_names: txt(f.former_names),
    gender: f.gender,
    ethnic_code: opt(f.ethnic_code),
    id_number: id === '' ? null : id,
    identity_verified: !f.unverified,
    birth_date: opt(f.birth_date),
    education_code: opt(f.education_code),
    household_unit_id: f.household_unit_id,
    household_address: txt(f.household_address),
    residence_unit_id: f.residence_unit_id,
    residence_address: txt(f.residence_address),
    charge_ids: [...f.charge_ids],
    sentence_type: f.sentence_type || undefined,
    sentence_months: f.sentence_months ?? undefined,
    release_date: f.release_date,
    release_kind: f.release_kind,
    releasing_authority: txt(f.releasing_authority),
    family_contact_name: txt(f.family_contact_name),
    family_contact_relation: txt(f.family_contact_relation),
    family_contact_phone: txt(f.family_contact_phone),
    phone: txt(f.phone),
    ...(version !== undefined ? { version } : {}),
  }
  if (keep) delete body.id_number
  return body
}

/**
 * GB/T 4658 education codes grouped by class. The class of a code is its parent_code when the
 * server gives one, otherwise the two-digit code with its last digit 0 ("21" → "20"); a class
 * code is itself the first option of its group.
 */
export function groupEducation(levels: EducationLevel[]): { top: EducationLevel; children: EducationLevel[] }[] {
  const parentOf = (e: EducationLevel): string | null => {
    if (e.parent_code) return e.parent_code
    return e.code.length === 2 && !e.code.endsWith('0') ? `${e.code[0]}0` : null
  }
  const tops = levels.filter((e) => parentOf(e) === null)
  const topCodes = new Set(tops.map((t) => t.code))
  const groups = tops.map((top) => ({ top, children: levels.filter((e) => parentOf(e) === top.code) }))
  // Codes whose class is missing from the table are kept as their own groups.
  for (const e of levels) {
    const p = parentOf(e)
    if (p !== null && !topCodes.has(p)) groups.push({ top: e, children: [] })
  }
  return groups
}
