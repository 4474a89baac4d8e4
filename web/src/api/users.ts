import { http } from './http'
import type { Instant, PageOf, RoleRef, UnitRef } from './types'

export interface User {
  id: number
  username: string
  display_name: string
  phone: string
  unit: UnitRef
  role: RoleRef
  active: boolean
  must_change_password: boolean
  locked_until: Instant | null
  last_login_at: Instant | null
}

export interface UserQuery {
  q?: string
  unit_id?: number
  page?: number
  page_size?: number
}

export interface UserCreate {
  username: string
  display_name: string
  phone: string
  unit_id: number
  role_id: number
  initial_password: string
}

export interface UserUpdate {
  display_name: string
  phone: string
  unit_id: number
  role_id: number
  active: boolean
}

export const usersApi = {
  list: (q: UserQuery) => http.get<PageOf<User>>('/users', { ...q }),
  create: (body: UserCreate) => http.post<User>('/users', body),
  update: (id: number, body: UserUpdate) => http.put<User>(`/users/${id}`, body),
  resetPassword: (id: number, initial_password: string) =>
    http.post<void>(`/users/${id}/reset-password`, { initial_password }),
}
