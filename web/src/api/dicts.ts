import { http } from './http'
import type { Schemas } from './types'

export type EthnicGroup = Schemas['CodeName']
/** parent_code: read when present; GET /dicts/education-levels sends only code and name today, so
 *  the class is derived from the code (views/person/formModel.ts). */
export type EducationLevel = Schemas['CodeName'] & { parent_code?: string | null }
export type Charge = Schemas['Charge']

export const dictsApi = {
  ethnicGroups: () => http.get<Schemas['CodeNameList']>('/dicts/ethnic-groups'),
  educationLevels: () => http.get<Schemas['CodeNameList']>('/dicts/education-levels'),
  charges: () => http.get<Schemas['ChargeList']>('/dicts/charges'),
}
