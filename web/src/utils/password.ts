// Password rule, identical to the server's (src/domain/password_policy.cpp → PASSWORD_TOO_WEAK):
// 10–128 characters (code points), at least one ASCII letter and one ASCII digit, and not
// containing the username (ASCII case-insensitive; only checked when the trimmed username has at
// least 3 characters).

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letter' | 'needs_digit' | 'contains_username'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase())

/** The first problem found, or null when the password is acceptable. */
export function checkPassword(password: string, username: string): PasswordProblem | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return 'too_short'
  if (length > PASSWORD_MAX_LENGTH) return 'too_long'
  if (!/[A-Za-z]/.test(password)) return 'needs_letter'
  if (!/[0-9]/.test(password)) return 'needs_digit'
  const name = asciiLower(username.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, ''))
  if ([...name].length >= 3 && asciiLower(password).includes(name)) return 'contains_username'
  return null
}
