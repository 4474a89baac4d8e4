import { describe, expect, it } from 'vitest'
import { isUpcoming, policyRows } from './policy'

const policy = {
  parameters: ['reception_feedback_days', 'general_visit_period', 'new_parameter'],
  entries: [
    { name: 'reception_feedback_days', value: '7', effective_from: '2026-01-01' },
    { name: 'general_visit_period', value: 'quarter', effective_from: '2026-07-01' },
    { name: 'reception_feedback_days', value: '5', effective_from: '2027-01-01' },
  ],
}

describe('policyRows', () => {
  it('gives the value in force today and the date it took effect', () => {
    const [rfd] = policyRows(policy, '2026-11-27')
    expect(rfd).toMatchObject({ name: 'reception_feedback_days', value: '7', from: '2026-01-01' })
    expect(rfd!.entries.map((e) => e.value)).toEqual(['7', '5'])
  })

  it('falls back to the default before the first entry, and to null for an unknown parameter', () => {
    const rows = policyRows(policy, '2026-06-30')
    expect(rows[1]).toMatchObject({ value: 'half_year', from: null })
    expect(rows[2]).toMatchObject({ name: 'new_parameter', value: null, from: null, entries: [] })
  })

  it('takes an entry on its first day', () => {
    expect(policyRows(policy, '2027-01-01')[0]).toMatchObject({ value: '5', from: '2027-01-01' })
  })
})

describe('isUpcoming', () => {
  it('is true only after today', () => {
    expect(isUpcoming({ effective_from: '2026-11-28' }, '2026-11-27')).toBe(true)
    expect(isUpcoming({ effective_from: '2026-11-27' }, '2026-11-27')).toBe(false)
  })
})
