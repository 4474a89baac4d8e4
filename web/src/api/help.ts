// Help groups (帮教小组, R-ORG-3, R-ORG-5) and help plans with agreements (帮教方案、帮教协议, R-ORG-4).
// api/openapi.yaml: /persons/{id}/help-group (members, candidates, end, contact), /persons/{id}/help-plans,
// /persons/{id}/help-agreements, /help-groups/incomplete, /help-groups/mine.
import { http } from './http'
import type { QueryOf, Schemas } from './types'

export type HelpRole = Schemas['HelpRole']
/** The roles of a help group: 四位一体 first, then social workers and volunteers (R-ORG-5). */
export const HELP_ROLES: HelpRole[] = ['police_officer', 'judicial_assistant', 'village_cadre', 'family_member', 'social_worker', 'volunteer']
/** R-ORG-3: the four roles of 四位一体. */
export const FOUR_ROLES: HelpRole[] = ['police_officer', 'judicial_assistant', 'village_cadre', 'family_member']
export type HelpNeed = Schemas['HelpNeed']
export const HELP_NEEDS: HelpNeed[] = ['housing', 'work', 'family', 'health', 'thinking', 'legal_education']

export type HelpGroup = Schemas['HelpGroup']
export type HelpMember = Schemas['HelpMember']
export type HelpMemberInput = Schemas['HelpMemberInput']
export type HelpCandidate = Schemas['HelpCandidates']['items'][number]
export type HelpPlans = Schemas['HelpPlans']
export type HelpPlanVersion = Schemas['HelpPlanVersion']
export type HelpPlanInput = Schemas['HelpPlanInput']
export type HelpAgreementInput = Schemas['HelpAgreementInput']
export type HelpList = Schemas['HelpList']
export type HelpListRow = Schemas['HelpListRow']
export type IncompleteQuery = QueryOf<'incompleteHelpGroups'>

export const helpApi = {
  group: (personId: number, viewId?: string) => http.get<HelpGroup>(`/persons/${personId}/help-group`, undefined, { viewId }),
  candidates: (personId: number, viewId?: string) =>
    http.get<Schemas['HelpCandidates']>(`/persons/${personId}/help-group/candidates`, undefined, { viewId }),
  addMember: (personId: number, body: HelpMemberInput) => http.post<Schemas['Created']>(`/persons/${personId}/help-group/members`, body),
  endMember: (personId: number, memberId: number, body: Schemas['HelpMemberEnd']) =>
    http.post<{ status: 'ended' }>(`/persons/${personId}/help-group/members/${memberId}/end`, body),
  setContact: (personId: number, memberId: number) =>
    http.post<{ status: 'contact' }>(`/persons/${personId}/help-group/members/${memberId}/contact`),
  plans: (personId: number, viewId?: string) => http.get<HelpPlans>(`/persons/${personId}/help-plans`, undefined, { viewId }),
  recordPlan: (personId: number, body: HelpPlanInput) => http.post<Schemas['HelpPlanCreated']>(`/persons/${personId}/help-plans`, body),
  recordAgreement: (personId: number, body: HelpAgreementInput) =>
    http.post<Schemas['Created']>(`/persons/${personId}/help-agreements`, body),
  incomplete: (q: IncompleteQuery) => http.get<HelpList>('/help-groups/incomplete', { ...q }),
  mine: (q: QueryOf<'myHelpedPersons'>) => http.get<HelpList>('/help-groups/mine', { ...q }),
}
