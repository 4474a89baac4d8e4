import { http } from './http'
import type { Scope } from './auth'

export interface Role {
  id: number
  code: string
  name: string
  scope: Scope
  permissions: string[]
}

export interface Permission {
  code: string
  resource: string
  action: string
  name: string
}

export interface RolesResponse {
  items: Role[]
  permissions: Permission[]
}

export const rolesApi = {
  list: () => http.get<RolesResponse>('/roles'),
  update: (id: number, body: { permissions: string[]; scope: Scope }) => http.put<Role>(`/roles/${id}`, body),
}
