import { describe, expect, it } from 'vitest'
import { fenToYuan, yuanToFen } from './employment'

describe('R-EMP-3 amounts in fen', () => {
  it('reads yuan with up to two decimals', () => {
    expect(yuanToFen('0')).toBe(0)
    expect(yuanToFen('1234.5')).toBe(123450)
    expect(yuanToFen(' 100000 ')).toBe(10000000)
    expect(yuanToFen('0.01')).toBe(1)
  })
  it('refuses what is no amount', () => {
    expect(yuanToFen('')).toBeNull()
    expect(yuanToFen('-5')).toBeNull()
    expect(yuanToFen('1.234')).toBeNull()
    expect(yuanToFen('abc')).toBeNull()
  })
  it('writes fen as yuan', () => {
    expect(fenToYuan(123450)).toBe('1,234.50')
    expect(fenToYuan(0)).toBe('0.00')
    expect(fenToYuan(7)).toBe('0.07')
  })
})
