import { describe, expect, it } from 'vitest'
import type { CustodyRecord, Period } from '@/api/custody'
import { familyFlags, openDetention, periodState, sortCustody } from './periods'

const unit = { id: 3, name: '昌元街道司法所', kind: 'judicial_office' as const }
const period = (over: Partial<Period> = {}): Period => ({ release_date: '2026-01-10', release_kind: 'prison', end_date: '2031-01-10', ended_on: null, end_reason: '', ...over })
const custody = (id: number, kind: CustodyRecord['kind'], from: string, to: string | null): CustodyRecord => ({ id, kind, from_date: from, to_date: to, note: '', unit, entered_on: from, late: false })

describe('assistance periods (R-PER-1)', () => {
  it('says where the current period stands', () => {
    expect(periodState(period(), [], '2026-11-27')).toBe('running')
    expect(periodState(period({ release_date: '2027-03-01' }), [], '2026-11-27')).toBe('awaiting_release')
    expect(periodState(period(), [custody(1, 'detention', '2026-11-20', null)], '2026-11-27')).toBe('detained')
    expect(periodState(period(), [custody(1, 'detention', '2026-11-20', '2026-11-25')], '2026-11-27')).toBe('running')
    expect(periodState(period({ end_date: '2026-11-27' }), [], '2026-11-27')).toBe('expired')
  })

  it('names how an earlier period ended', () => {
    expect(periodState(period({ ended_on: '2026-11-26', end_reason: 'new_sentence' }), [], '2026-11-27')).toBe('new_sentence')
    expect(periodState(period({ ended_on: '2031-01-10', end_reason: 'expired' }), [], '2026-11-27')).toBe('expired')
  })

  it('finds the open detention only (a new sentence is not ended by hand)', () => {
    expect(openDetention([custody(2, 'new_sentence', '2026-11-26', null), custody(1, 'detention', '2026-11-20', '2026-11-26')])).toBeUndefined()
    expect(openDetention([custody(1, 'detention', '2026-11-20', null)])?.id).toBe(1)
  })

  it('lists custody latest first', () => {
    const list = [custody(1, 'detention', '2026-01-20', '2026-02-01'), custody(2, 'new_sentence', '2026-11-26', null)]
    expect(sortCustody(list).map((c) => c.id)).toEqual([2, 1])
  })
})

describe('family changes (R-LNK-3)', () => {
  it('shows each difficulty as a flag', () => {
    expect(familyFlags({ family_in_difficulty: true, children_in_difficulty: true })).toEqual(['family', 'children'])
    expect(familyFlags({ children_in_difficulty: true })).toEqual(['children'])
    expect(familyFlags({})).toEqual([])
  })
})
