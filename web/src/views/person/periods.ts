// Pure helpers of the person file's 帮教期 (R-PER-1) and 家庭变故 (R-LNK-3) sections.
import type { CustodyRecord, Period } from '@/api/custody'
import type { FamilyChangeData } from '@/api/family'
import type { CivilDate } from '@/api/types'
import type { TagType } from './data'

/** Where a period stands: before the release, running, interrupted by a detention, or ended (and how). */
export type PeriodState = 'awaiting_release' | 'running' | 'detained' | 'expired' | 'new_sentence'

export const PERIOD_STATE_TAG: Record<PeriodState, TagType> = {
  awaiting_release: 'warning',
  running: 'success',
  detained: 'danger',
  expired: 'info',
  new_sentence: 'danger',
}

/** The detention still open (to be ended with 羁押结束), if any. */
export function openDetention(custody: readonly CustodyRecord[]): CustodyRecord | undefined {
  return custody.find((c) => c.kind === 'detention' && !c.to_date)
}

export function periodState(p: Period, custody: readonly CustodyRecord[], today: CivilDate): PeriodState {
  if (p.end_reason) return p.end_reason
  if (p.release_date > today) return 'awaiting_release'
  if (p.end_date <= today) return 'expired'
  return openDetention(custody) ? 'detained' : 'running'
}

/** Custody records, latest first. */
export function sortCustody(custody: readonly CustodyRecord[]): CustodyRecord[] {
  return [...custody].sort((a, b) => b.from_date.localeCompare(a.from_date) || b.id - a.id)
}

/** The difficulty flags of a family-change report, as locale keys under `family.flag`. */
export function familyFlags(d: Partial<FamilyChangeData>): ('family' | 'children')[] {
  const out: ('family' | 'children')[] = []
  if (d.family_in_difficulty) out.push('family')
  if (d.children_in_difficulty) out.push('children')
  return out
}
