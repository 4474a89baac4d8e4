import { http } from './http'
import type { Schemas } from './types'

export type Unit = Schemas['Unit']
export type UnitCreate = Schemas['UnitCreate']
export type UnitUpdate = Schemas['UnitUpdate']

export const unitsApi = {
  /** The whole unit tree as a flat list ordered by code. */
  list: () => http.get<Schemas['UnitList']>('/units'),
  create: (body: UnitCreate) => http.post<Unit>('/units', body),
  update: (id: number, body: UnitUpdate) => http.put<Unit>(`/units/${id}`, body),
}
