// Shared presentation helpers of the person module (labels, tag colours, option lists).
import type { PersonStatus } from '@/api/persons'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const STATUS_TAG: Record<PersonStatus, TagType> = {
  in_custody: 'warning',
  under_assistance: 'success',
  detained: 'danger',
  ended: 'info',
}

export function statusTag(s: string): TagType {
  return STATUS_TAG[s as PersonStatus] ?? 'info'
}

/** Table column prop → GET /persons `sort` value (server-side sorting). */
export const SORTABLE: Record<string, 'name' | 'release_date' | 'birth_date'> = {
  name: 'name',
  release_date: 'release_date',
  birth_date: 'birth_date',
}

export const PAGE_SIZES = [20, 50, 100]

/** Person fields in the order the detail page and the timeline describe them. */
export const PERSON_FIELDS = [
  'name',
  'former_names',
  'gender',
  'ethnic_code',
  'id_number',
  'identity_verified',
  'birth_date',
  'education_code',
  'household_unit_id',
  'household_address',
  'residence_unit_id',
  'residence_address',
  'charge_ids',
  'sentence_type',
  'sentence_months',
  'release_date',
  'release_kind',
  'releasing_authority',
  'family_contact_name',
  'family_contact_relation',
  'family_contact_phone',
  'phone',
] as const

/** What was recorded on the person file (the file reloads what it may have changed). */
export type RecordKind = 'follow-up' | 'registration' | 'pickup' | 'transfer' | 'custody' | 'family' | 'notification' | 'help' | 'education' | 'needs' | 'employment' | 'base' | 'training' | 'allowance'

/** The follow-up kinds a user may record, visits first: visit:record and review:record. */
export function followUpKinds(can: (permission: string) => boolean): ('visit' | 'review')[] {
  const kinds: ('visit' | 'review')[] = []
  if (can('visit:record')) kinds.push('visit')
  if (can('review:record')) kinds.push('review')
  return kinds
}

/** The follow-up button's message key: 记录全面考察 for a user who records reviews only. */
export function followUpButton(kinds: ('visit' | 'review')[]): string {
  return kinds.length === 1 && kinds[0] === 'review' ? 'task.followUp.buttonReview' : 'task.followUp.button'
}

/** Whether a person with this release date is released on `today` (both YYYY-MM-DD). */
export function isReleased(releaseDate: string | null | undefined, today: string): boolean {
  return !!releaseDate && releaseDate <= today
}
