// The "1112" unit groups (R-ORG-1), education (R-EDU-1) and publicity (R-PUB-1). api/openapi.yaml:
// /org-groups, /org-group-members, /education/*, /persons/{id}/education, /persons/{id}/education-talks,
// /persons/{id}/publicity-consents, /publicity.
import { http } from './http'
import type { QueryOf, Schemas } from './types'

export type OrgGroupKind = Schemas['OrgGroupKind']
export type OrgGroupStatus = Schemas['OrgGroupStatus']
export type OrgGroupDetail = Schemas['OrgGroupDetail']
export type OrgMember = Schemas['OrgMember']
export type OrgGroupInput = Schemas['OrgGroupInput']
export type OrgMemberInput = Schemas['OrgMemberInput']
export const ORG_MEMBER_ROLES = ['leader', 'deputy', 'member'] as const

export type EducationEvent = Schemas['EducationEvent']
export type EducationEventInput = Schemas['EducationEventInput']
export type EducationKind = Schemas['EducationKind']
export const EDUCATION_KINDS: EducationKind[] = ['legal', 'thought', 'moral', 'cultural']
export const EDUCATION_EVENT_KINDS: Schemas['EducationEventKind'][] = ['holiday', 'sensitive_period', 'major_event']
export type EducationSession = Schemas['EducationSession']
export type EducationSessionInput = Schemas['EducationSessionInput']
export type PersonEducation = Schemas['PersonEducation']
export type EducationTalkInput = Schemas['EducationTalkInput']

export type PublicityItem = Schemas['PublicityItem']
export type PublicityDetail = Schemas['PublicityDetail']
export type PublicityInput = Schemas['PublicityInput']
export type PublicityConsent = Schemas['PublicityConsent']
export type PublicityConsentInput = Schemas['PublicityConsentInput']
export const PUBLICITY_CATEGORIES: Schemas['PublicityCategory'][] = ['law_abiding', 'hard_work_prosperity', 'serving_society']
export const CONSENT_SCOPES: Schemas['ConsentScope'][] = ['internal', 'public_media']

/** The calendar event a targeted-education task is for: its key is R-EDU-1/event-<id>. */
export function eventIdOfTask(key: string): number | null {
  const m = /^R-EDU-1\/event-(\d+)$/.exec(key)
  return m ? Number(m[1]) : null
}

export const orgApi = {
  list: (q: QueryOf<'listOrgGroups'> = {}) => http.get<Schemas['OrgGroupStatusList']>('/org-groups', q),
  get: (id: number) => http.get<OrgGroupDetail>(`/org-groups/${id}`),
  create: (body: OrgGroupInput) => http.post<Schemas['Created']>('/org-groups', body),
  update: (id: number, body: OrgGroupInput) => http.put<OrgGroupDetail>(`/org-groups/${id}`, body),
  addMember: (id: number, body: OrgMemberInput) => http.post<Schemas['Created']>(`/org-groups/${id}/members`, body),
  leave: (memberId: number, leftOn: string) => http.post<Schemas['StatusLeft']>(`/org-group-members/${memberId}/leave`, { left_on: leftOn }),
}

export const educationApi = {
  events: () => http.get<Schemas['EducationEventList']>('/education/events'),
  createEvent: (body: EducationEventInput) => http.post<Schemas['Created']>('/education/events', body),
  updateEvent: (id: number, body: EducationEventInput) => http.put<Schemas['StatusSaved']>(`/education/events/${id}`, body),
  deleteEvent: (id: number) => http.del<void>(`/education/events/${id}`),
  sessions: () => http.get<Schemas['EducationSessionList']>('/education/sessions'),
  record: (body: EducationSessionInput) => http.post<Schemas['Created']>('/education/sessions', body),
  tasks: () => http.get<Schemas['PersonTaskList']>('/education/tasks'),
  ofPerson: (personId: number, viewId?: string) => http.get<PersonEducation>(`/persons/${personId}/education`, undefined, { viewId }),
  talk: (personId: number, body: EducationTalkInput) => http.post<Schemas['Created']>(`/persons/${personId}/education-talks`, body),
}

export const publicityApi = {
  list: (q: QueryOf<'listPublicity'> = {}) => http.get<Schemas['PublicityList']>('/publicity', q),
  get: (id: number) => http.get<PublicityDetail>(`/publicity/${id}`),
  create: (body: PublicityInput) => http.post<Schemas['Created']>('/publicity', body),
  publish: (id: number) => http.post<PublicityDetail>(`/publicity/${id}/publish`),
  remove: (id: number) => http.del<void>(`/publicity/${id}`),
  consents: (personId: number, viewId?: string) =>
    http.get<Schemas['PublicityConsentList']>(`/persons/${personId}/publicity-consents`, undefined, { viewId }),
  consent: (personId: number, body: PublicityConsentInput) => http.post<Schemas['Created']>(`/persons/${personId}/publicity-consents`, body),
}
