// Meetings (R-MTG-1..3): the district office's yearly joint meeting, a township's quarterly joint
// meeting, a judicial office's monthly liaison with its police station. api/openapi.yaml:
// /meetings, /meetings/tasks.
import { http } from './http'
import type { CivilDate, ItemsOf, UnitRef } from './types'
import type { PersonTask, Recorded } from './tasks'

/** The kind follows the recording unit: district → district_joint, township → township_joint,
 *  judicial office → liaison. */
export type MeetingKind = 'district_joint' | 'township_joint' | 'liaison'
export const MEETING_KINDS: MeetingKind[] = ['district_joint', 'township_joint', 'liaison']

/** One row of GET /meetings (meetings held by units in the caller's scope, newest first). */
export interface Meeting {
  id: number
  unit: UnitRef
  kind: MeetingKind | string
  held_on: CivilDate
  topic: string
  attendees: string
}

/** Body of POST /meetings (meeting:record). */
export interface MeetingInput {
  held_on: CivilDate
  /** At most 200 characters. */
  topic: string
  /** At most 1000 characters. */
  attendees: string
}

export const meetingsApi = {
  list: () => http.get<ItemsOf<Meeting>>('/meetings'),
  /** The caller's unit's meeting tasks, each explaining itself (same shape as a person's tasks). */
  tasks: () => http.get<ItemsOf<PersonTask>>('/meetings/tasks'),
  record: (body: MeetingInput) => http.post<Recorded>('/meetings', body),
}
