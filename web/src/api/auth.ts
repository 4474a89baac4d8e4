import { http } from './http'
import type { RoleRef, UnitRef } from './types'
import type { User } from './users'

export type Scope = 'own' | 'subtree' | 'district' | 'none'

/** GET /auth/me and the body of a successful POST /auth/login. */
export interface Me {
  user: User
  permissions: string[]
  scope: Scope | string
  scope_unit: UnitRef | null
  csrf_token: string
  idle_timeout_minutes: number
  /** The server's today (YYYY-MM-DD, China Standard Time) and instant: the app's clock (utils/clock). */
  today: string
  now: string
  /** True while the server runs with a chosen today (`--today`, tests and demonstrations). */
  today_overridden: boolean
}

export type { RoleRef }

export const authApi = {
  login: (username: string, password: string) =>
    http.post<Me>('/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { noAuthRedirect: true }),
  me: () => http.get<Me>('/auth/me', undefined, { noAuthRedirect: true }),
  changePassword: (old_password: string, new_password: string) =>
    http.post<void>('/auth/password', { old_password, new_password }),
}
