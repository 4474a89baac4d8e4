import { describe, expect, it } from 'vitest'
import { followUpKinds } from './data'

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
