import { http } from './http'
import type { ItemsOf, UnitKind } from './types'

export interface Unit {
  id: number
  parent_id: number | null
  code: string
  name: string
  kind: UnitKind | string
  subkind: string
  active: boolean
  /** The area unit (district / township / village) whose persons this unit works with. */
  area_unit_id?: number | null
}

export interface UnitCreate {
  parent_id: number
  name: string
  kind: string
  subkind?: string
  code?: string
}

export interface UnitUpdate {
  name: string
  active: boolean
}

export const unitsApi = {
  /** The whole unit tree as a flat list ordered by code. */
  list: () => http.get<ItemsOf<Unit>>('/units'),
  create: (body: UnitCreate) => http.post<Unit>('/units', body),
  update: (id: number, body: UnitUpdate) => http.put<Unit>(`/units/${id}`, body),
}
