import { http } from './http'
import type { Scope } from './auth'
import type { Schemas } from './types'

export type Role = Schemas['Role']
export type Permission = Schemas['Permission']
export type RolesResponse = Schemas['RoleList']

export const rolesApi = {
  list: () => http.get<RolesResponse>('/roles'),
  update: (id: number, body: { permissions: string[]; scope: Scope }) => http.put<Role>(`/roles/${id}`, body),
}
