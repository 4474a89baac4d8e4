import { http } from './http'
import type { ItemsOf } from './types'

export interface EthnicGroup {
  code: string
  name: string
  letter_code?: string
}

export interface EducationLevel {
  code: string
  name: string
  parent_code?: string | null
}

export interface Charge {
  id: number
  name: string
  chapter: number
  chapter_name: string
  section: number | null
  section_name: string
  article: string
}

export const dictsApi = {
  ethnicGroups: () => http.get<ItemsOf<EthnicGroup>>('/dicts/ethnic-groups'),
  educationLevels: () => http.get<ItemsOf<EducationLevel>>('/dicts/education-levels'),
  charges: () => http.get<ItemsOf<Charge>>('/dicts/charges'),
}
