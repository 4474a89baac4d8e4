// Tasks of the obligation engine (task:read), the workbench counts, and the records that close
// tasks: follow-ups (followup:record) and registrations (person:register). api/openapi.yaml:
// /workbench, /tasks, /persons/{id}/tasks, /persons/{id}/follow-ups, /persons/{id}/registrations,
// /persons/{id}/pickups.
import { http } from './http'
import type { CivilDate, ItemsOf, PageOf, UnitRef } from './types'

/**
 * State of a task as the server computes it. `missed` (未按期完成): a recurring duty whose period
 * closed unfulfilled — kept and counted, no longer to do. `due_soon` exists only as a /tasks filter.
 */
export type TaskState = 'open' | 'overdue' | 'done' | 'not_applicable' | 'missed'
export type TaskFilterState = TaskState | 'due_soon'
export const TASK_STATES: TaskState[] = ['overdue', 'open', 'done', 'missed', 'not_applicable']

export interface TaskCounts {
  overdue: number
  due_this_week: number
  open: number
  done: number
  /** Recurring duties whose period closed unfulfilled (not on the to-do counts). */
  missed: number
}

/** GET /workbench. */
export interface Workbench {
  today: CivilDate
  /** Last day counted as "this week" (today + 7). */
  week_end: CivilDate
  /** Tasks owned by the caller's unit (or below it for township and village users). */
  mine: TaskCounts
  /** All tasks of persons in the caller's jurisdiction. */
  scope: TaskCounts
}

/** One row of GET /tasks. */
export interface TaskRow {
  id: number
  person_id: number
  person_name: string
  unit: UnitRef
  rule: string
  key: string
  window_from: CivilDate
  due: CivilDate
  state: TaskState
  fulfilled_on: CivilDate | null
}

export interface TaskQuery {
  state?: TaskFilterState
  mine?: boolean
  rule?: string
  unit_id?: number
  person_id?: number
  page?: number
  page_size?: number
}

/** One task of GET /persons/{id}/tasks, explaining itself. */
export interface PersonTask {
  rule: string
  clause: string
  key: string
  /** The duty, in Chinese. */
  requirement: string
  /** What closes it, in Chinese. */
  fulfilled_by: string
  anchor: string
  anchor_date: CivilDate
  window_from: CivilDate
  due: CivilDate
  state: TaskState
  late: boolean
  /** '' (or null) while not fulfilled. */
  fulfilled_on: CivilDate | null
  previous_fulfilment: string
  unit: UnitRef
  /** "R-VIS-1 §2.3.4:…" */
  explanation: string
}

export type FollowUpKind = 'visit' | 'review'
/** The usual follow-up forms: the Chinese value is what is stored; `code` names its label. */
export const FOLLOW_UP_FORMS = [
  { code: 'home', value: '入户走访' },
  { code: 'phone', value: '电话' },
  { code: 'interview', value: '约谈' },
  { code: 'other', value: '其他' },
] as const

/** Body of POST /persons/{id}/follow-ups. */
export interface FollowUpInput {
  kind: FollowUpKind
  held_on: CivilDate
  /** e.g. 入户走访 / 电话 / 约谈, at most 20 characters. */
  form: string
  situation: string
  findings: string
}

export type NeedKey = 'housing' | 'work' | 'money' | 'health'
export const NEED_KEYS: NeedKey[] = ['housing', 'work', 'money', 'health']

/** Body of POST /persons/{id}/registrations (报到, R-REG-1). */
export interface RegistrationInput {
  registered_on: CivilDate
  certificate_no: string
  policies_explained: boolean
  needs: Record<NeedKey, boolean>
}

export type PickupKind = 'township_team' | 'family'
export const PICKUP_KINDS: PickupKind[] = ['township_team', 'family']

/** Body of POST /persons/{id}/pickups (接回, R-PCK-1/R-PCK-2). */
export interface PickupInput {
  picked_on: CivilDate
  place: string
  /** Who picked the person up. */
  team: string
  kind: PickupKind
}

export interface Recorded {
  status: string
}

export const workbenchApi = {
  get: () => http.get<Workbench>('/workbench'),
}

export const tasksApi = {
  list: (q: TaskQuery = {}) => http.get<PageOf<TaskRow>>('/tasks', { ...q }),
  ofPerson: (personId: number) => http.get<ItemsOf<PersonTask>>(`/persons/${personId}/tasks`),
  recordFollowUp: (personId: number, body: FollowUpInput) => http.post<Recorded>(`/persons/${personId}/follow-ups`, body),
  register: (personId: number, body: RegistrationInput) => http.post<Recorded>(`/persons/${personId}/registrations`, body),
  recordPickup: (personId: number, body: PickupInput) => http.post<Recorded>(`/persons/${personId}/pickups`, body),
}
