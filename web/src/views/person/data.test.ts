import { describe, expect, it } from 'vitest'
import { followUpButton, followUpKinds, isReleased } from './data'

describe('followUpKinds', () => {
  const grants = (...ps: string[]) => (p: string) => ps.includes(p)
  it('offers a village cadre visits only and a township officer reviews only', () => {
    expect(followUpKinds(grants('visit:record'))).toEqual(['visit'])
    expect(followUpKinds(grants('review:record', 'pickup:record'))).toEqual(['review'])
  })
  it('offers both to a judicial officer and nothing to a police officer', () => {
    expect(followUpKinds(grants('visit:record', 'review:record'))).toEqual(['visit', 'review'])
    expect(followUpKinds(grants('custody:record'))).toEqual([])
  })
})

describe('the follow-up button', () => {
  it('says 记录全面考察 to a user who records reviews only', () => {
    expect(followUpButton(['review'])).toBe('task.followUp.buttonReview')
    expect(followUpButton(['visit', 'review'])).toBe('task.followUp.button')
    expect(followUpButton(['visit'])).toBe('task.followUp.button')
  })
  it('is offered from the release day on only', () => {
    expect(isReleased('2026-11-26', '2026-11-26')).toBe(true)
    expect(isReleased('2026-11-27', '2026-11-26')).toBe(false)
    expect(isReleased(null, '2026-11-26')).toBe(false)
  })
})
