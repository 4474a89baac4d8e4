import { describe, expect, it } from 'vitest'
import { factsOf, freshFacts, yuanToFen } from './facts'

describe('assistance facts (R-AID-1..6)', () => {
  it('R-AID-1 sends the income in fen and leaves unknown facts out', () => {
    const f = freshFacts()
    f.household_kind = 'urban'
    f.family_size = 2
    f.family_income_yuan = '1479.99'
    expect(factsOf('dibao', f)).toEqual({ household_kind: 'urban', family_size: 2, family_income_fen: 147999 })
    expect(factsOf('dibao', freshFacts())).toEqual({})
  })
  it('R-AID-2 sends only the answered questions of the kind', () => {
    const f = freshFacts()
    f.bools.able_to_work = 'no'
    f.bools.in_education = 'yes' // not a question of 特困
    expect(factsOf('tekun', f)).toEqual({ able_to_work: false })
  })
  it('yuan to fen', () => {
    expect(yuanToFen('740')).toBe(74000)
    expect(yuanToFen('0.5')).toBe(50)
    expect(yuanToFen('-1')).toBe(-100)
    expect(yuanToFen('abc')).toBeNull()
    expect(yuanToFen('')).toBeNull()
  })
})
