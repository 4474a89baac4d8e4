// Same cases as the server's src/domain/password_policy_test.cpp.
import { describe, expect, it } from 'vitest'
import { checkPassword } from './password'

describe('checkPassword', () => {
  it('accepts strong passwords', () => {
    expect(checkPassword('abcdefghi1', 'rcsfj')).toBeNull()
    expect(checkPassword('安帮密码安帮密码a1', 'admin')).toBeNull() // 10 code points
    expect(checkPassword('xy1-Password', 'xy')).toBeNull() // short usernames are not checked
    expect(checkPassword('a'.repeat(127) + '1', 'zz')).toBeNull()
    expect(checkPassword('anbang@2026', 'sfs_001')).toBeNull()
  })

  it('rejects weak passwords with the first failed part', () => {
    expect(checkPassword('abcdefgh1', '')).toBe('too_short')
    expect(checkPassword('安帮密码安帮a1', '')).toBe('too_short') // 8 code points
    expect(checkPassword('a'.repeat(128) + '1', '')).toBe('too_long')
    expect(checkPassword('1234567890', '')).toBe('needs_letter')
    expect(checkPassword('abcdefghij', '')).toBe('needs_digit')
    expect(checkPassword('xRcSfJ-2024x', 'rcsfj')).toBe('contains_username')
    expect(checkPassword('zhangwei2024', 'ZhangWei')).toBe('contains_username')
    expect(checkPassword('', '')).toBe('too_short')
  })

  it('ignores spaces around the username', () => {
    expect(checkPassword('xx-sfs_001-yy9', '  sfs_001 ')).toBe('contains_username')
  })
})
