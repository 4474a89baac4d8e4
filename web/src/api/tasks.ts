// Tasks of the obligation engine (task:read), the workbench counts, and the records that close
// tasks: follow-ups (visit:record, review:record) and registrations (person:register). api/openapi.yaml:
// /workbench, /tasks, /persons/{id}/tasks, /persons/{id}/follow-ups, /persons/{id}/registrations,
// /persons/{id}/pickups.
import { http } from './http'
import type { QueryOf, Schemas } from './types'

/** State of a task as the server computes it. `due_soon` exists only as a /tasks filter. */
export type TaskState = Schemas['TaskState']
export type TaskFilterState = NonNullable<TaskQuery['state']>
export const TASK_STATES: TaskState[] = ['overdue', 'open', 'done', 'missed', 'not_applicable']

export type TaskCounts = Schemas['TaskCounts']
/** GET /workbench. */
export type Workbench = Schemas['Workbench']
/** One row of GET /tasks. */
export type TaskRow = Schemas['TaskRow']

export type TaskQuery = QueryOf<'listTasks'>

/** One task of GET /persons/{id}/tasks (and /meetings/tasks), explaining itself. */
export type PersonTask = Schemas['PersonTask']

export type FollowUpKind = FollowUpInput['kind']
/** The usual follow-up forms: the Chinese value is what is stored; `code` names its label. */
export const FOLLOW_UP_FORMS = [
  { code: 'home', value: '入户走访' },
  { code: 'phone', value: '电话' },
  { code: 'interview', value: '约谈' },
  { code: 'other', value: '其他' },
] as const

/** Body of POST /persons/{id}/follow-ups. */
export type FollowUpInput = Schemas['FollowUpInput']

export type NeedKey = 'housing' | 'work' | 'money' | 'health' | 'family' | 'documents'
export const NEED_KEYS: NeedKey[] = ['housing', 'work', 'money', 'health', 'family', 'documents']

/** Body of POST /persons/{id}/registrations (报到, R-REG-1). */
export type RegistrationInput = Schemas['RegistrationInput']

export type PickupKind = Schemas['PickupBy']
export const PICKUP_KINDS: PickupKind[] = ['township_team', 'family']

/** Body of POST /persons/{id}/pickups (接回, R-PCK-1/R-PCK-2). */
export type PickupInput = Schemas['PickupInput']

export type Recorded = Schemas['Recorded']

/** Filters of GET /workbench (and /tasks): an owner unit's subtree (a township), a rule id. */
export type WorkbenchQuery = QueryOf<'workbench'>

/** R-PCK-1: the notification of a key subject's release to the township and the police station. */
export type ReleaseNotification = Schemas['ReleaseNotification']
export type ReleaseNotificationInput = Schemas['ReleaseNotificationInput']
export type NotificationRecipient = Schemas['NotificationRecipient']
export type NotificationMethod = Schemas['NotificationMethod']
export const NOTIFICATION_RECIPIENTS: NotificationRecipient[] = ['township', 'police_station']
export const NOTIFICATION_METHODS: NotificationMethod[] = ['phone', 'document', 'meeting', 'in_person']
export type UpcomingRelease = Schemas['UpcomingReleaseList']['items'][number]

export const workbenchApi = {
  get: (q: WorkbenchQuery = {}) => http.get<Workbench>('/workbench', { ...q }),
}

export const releaseApi = {
  upcoming: () => http.get<Schemas['UpcomingReleaseList']>('/supervision/upcoming-releases'),
  ofPerson: (personId: number, viewId?: string) =>
    http.get<Schemas['ReleaseNotificationList']>(`/persons/${personId}/release-notifications`, undefined, { viewId }),
  record: (personId: number, body: ReleaseNotificationInput) =>
    http.post<Schemas['ReleaseNotificationList']>(`/persons/${personId}/release-notifications`, body),
}

/** Body of PUT /persons/{id}/registration: the registration corrected, with the reason (required). */
export type RegistrationCorrection = Schemas['RegistrationCorrection']
/** GET /persons/{id}/records: pick-ups, registration and follow-ups of the current period. */
export type SupervisionRecords = Schemas['SupervisionRecords']
export type SupervisionRecord = Schemas['SupervisionRecord']
export type CurrentRegistration = Schemas['CurrentRegistration']

export const tasksApi = {
  list: (q: TaskQuery = {}) => http.get<Schemas['TaskPage']>('/tasks', { ...q }),
  ofPerson: (personId: number, viewId?: string) =>
    http.get<Schemas['PersonTaskList']>(`/persons/${personId}/tasks`, undefined, { viewId }),
  recordFollowUp: (personId: number, body: FollowUpInput) => http.post<Recorded>(`/persons/${personId}/follow-ups`, body),
  register: (personId: number, body: RegistrationInput) => http.post<Recorded>(`/persons/${personId}/registrations`, body),
  recordPickup: (personId: number, body: PickupInput) => http.post<Recorded>(`/persons/${personId}/pickups`, body),
  /** R-REG-1: a correction of the registration with its reason (kept in the timeline). */
  correctRegistration: (personId: number, body: RegistrationCorrection) =>
    http.put<Recorded>(`/persons/${personId}/registration`, body),
  records: (personId: number, viewId?: string) =>
    http.get<SupervisionRecords>(`/persons/${personId}/records`, undefined, { viewId }),
}
