// The shared case table tests/cases/id_numbers.json is also run by the server's tests
// (src/domain/id_number.cpp): both sides must give the same answer for every case.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkChar, trimAscii, validateIdNumber } from './idNumber'

interface Case {
  input: string
  ok: boolean
  code?: string
  birth_date?: string
  gender?: string
  note?: string
}

const file = fileURLToPath(new URL('../../../tests/cases/id_numbers.json', import.meta.url))
const table = JSON.parse(readFileSync(file, 'utf8')) as { today: string; cases: Case[] }

describe('validateIdNumber against tests/cases/id_numbers.json', () => {
  it('has cases', () => {
    expect(table.cases.length).toBeGreaterThan(10)
    expect(table.today).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  for (const c of table.cases) {
    it(`${JSON.stringify(c.input)}: ${c.note ?? ''}`, () => {
      const r = validateIdNumber(c.input, table.today)
      expect(r.ok).toBe(c.ok)
      if (r.ok) {
        expect(r.birthDate).toBe(c.birth_date)
        expect(r.gender).toBe(c.gender)
        expect(r.normalized).toHaveLength(18)
        expect(r.normalized).toBe(trimAscii(c.input).toUpperCase())
      } else {
        expect(r.code).toBe(c.code)
      }
    })
  }
})

describe('idNumber helpers', () => {
  it('computes the MOD 11-2 check character', () => {
    expect(checkChar('50015319900307123')).toBe('2')
    expect(checkChar('50015319880615001')).toBe('X')
  })

  it('trims ASCII whitespace only', () => {
    expect(trimAscii(' \t\r\n x \f\v')).toBe('x')
    expect(trimAscii('\u3000x')).toBe('\u3000x')
  })
})
