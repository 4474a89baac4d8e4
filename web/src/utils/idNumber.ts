// GB 11643-1999 citizen identity number (居民身份证号码), checked exactly like the server.
//
// Layout: 6-digit division code (GB/T 2260) + 8-digit birth date YYYYMMDD + 3-digit sequence
// (odd = male) + ISO 7064 MOD 11-2 check character (0-9 or X; a lowercase x is accepted).
// Surrounding ASCII whitespace is ignored (as the server's trim_ascii does).
// Checks run in this order and the first failure wins (src/domain/id_number.cpp):
//   ID_NUMBER_LENGTH       not 18 characters
//   ID_NUMBER_FORMAT       first 17 not digits, or last not a digit / X
//   ID_NUMBER_DIVISION     the first two digits are not a province-level code
//   ID_NUMBER_BIRTH_DATE   not a real date, or after `today`, or before 1900-01-01
//   ID_NUMBER_CHECK_DIGIT  the MOD 11-2 check character does not match
import { todayCST } from './clock'

export type IdNumberCode =
  | 'ID_NUMBER_LENGTH'
  | 'ID_NUMBER_FORMAT'
  | 'ID_NUMBER_DIVISION'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_CHECK_DIGIT'

export type IdNumberResult =
  | { ok: true; birthDate: string; gender: '1' | '2'; normalized: string }
  | { ok: false; code: IdNumberCode }

/** Province-level codes of GB/T 2260 (first two digits), plus 71 Taiwan, 81 Hong Kong, 82 Macao. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
])

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!
}

/** Is `yyyymmdd` a real calendar date between 1900-01-01 and `today` (YYYY-MM-DD)? */
export function isValidBirthDate(yyyymmdd: string, today: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return false
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
  return iso <= today
}

/** Strips leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r) only. */
export function trimAscii(s: string): string {
  return s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '')
}

export function validateIdNumber(raw: string, today: string = todayCST()): IdNumberResult {
  const input = trimAscii(raw)
  // Length is counted in code points, so full-width digits count as one character each.
  if ([...input].length !== 18) return { ok: false, code: 'ID_NUMBER_LENGTH' }
  if (!/^[0-9]{17}[0-9Xx]$/.test(input)) return { ok: false, code: 'ID_NUMBER_FORMAT' }
  if (!PROVINCE_CODES.has(input.slice(0, 2))) return { ok: false, code: 'ID_NUMBER_DIVISION' }
  const birth = input.slice(6, 14)
  if (!isValidBirthDate(birth, today)) return { ok: false, code: 'ID_NUMBER_BIRTH_DATE' }
  const normalized = input.toUpperCase()
  if (checkChar(normalized.slice(0, 17)) !== normalized[17]) return { ok: false, code: 'ID_NUMBER_CHECK_DIGIT' }
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`
  const gender = Number(input[16]) % 2 === 1 ? '1' : '2'
  return { ok: true, birthDate, gender, normalized }
}
