import { http } from './http'
import type { RoleRef, Schemas } from './types'

export type Scope = Schemas['Scope']

/** GET /auth/me and the body of a successful POST /auth/login. */
export type Me = Schemas['Me']

export type { RoleRef }

export const authApi = {
  login: (username: string, password: string) =>
    http.post<Me>('/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { noAuthRedirect: true }),
  me: () => http.get<Me>('/auth/me', undefined, { noAuthRedirect: true }),
  changePassword: (old_password: string, new_password: string) =>
    http.post<void>('/auth/password', { old_password, new_password }),
}
