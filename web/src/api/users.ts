import { http } from './http'
import type { QueryOf, Schemas } from './types'

export type User = Schemas['User']

export type UserQuery = QueryOf<'listUsers'>

export type UserCreate = Schemas['UserCreate']
export type UserUpdate = Schemas['UserUpdate']

export const usersApi = {
  list: (q: UserQuery) => http.get<Schemas['UserPage']>('/users', { ...q }),
  create: (body: UserCreate) => http.post<User>('/users', body),
  update: (id: number, body: UserUpdate) => http.put<User>(`/users/${id}`, body),
  resetPassword: (id: number, initial_password: string) =>
    http.post<void>(`/users/${id}/reset-password`, { initial_password }),
}
