// Shared shapes of api/openapi.yaml (components/schemas).

export type UnitKind =
  | 'district'
  | 'township'
  | 'village'
  | 'judicial_office'
  | 'police_station'
  | 'detention_centre'
  | 'prison'
  | 'department'

export interface UnitRef {
  id: number
  name: string
  kind: UnitKind | string
  /** "昌元街道 / 白塔社区": names from below the district down to the unit. */
  path?: string
}

export interface RoleRef {
  id: number
  code: string
  name: string
}

export interface Page {
  total: number
  page: number
  page_size: number
}

export interface PageOf<T> extends Page {
  items: T[]
}

export interface ItemsOf<T> {
  items: T[]
}

/** Date as YYYY-MM-DD (China Standard Time). */
export type CivilDate = string
/** Instant as ISO 8601 UTC. */
export type Instant = string
