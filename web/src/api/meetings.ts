// Meetings (R-MTG-1..3): the district office's yearly joint meeting, a township's quarterly joint
// meeting, a judicial office's monthly liaison with its police station. api/openapi.yaml:
// /meetings, /meetings/tasks.
import { http } from './http'
import type { Schemas } from './types'
import type { Recorded } from './tasks'

/** The kind follows the recording unit: district → district_joint, township → township_joint,
 *  judicial office → liaison. */
export type MeetingKind = Schemas['MeetingKind']
export const MEETING_KINDS: MeetingKind[] = ['district_joint', 'township_joint', 'liaison']

/** One row of GET /meetings (meetings held by units in the caller's scope, newest first). */
export type Meeting = Schemas['Meeting']
/** Body of POST /meetings (meeting:record). */
export type MeetingInput = Schemas['MeetingInput']

export const meetingsApi = {
  list: () => http.get<Schemas['MeetingList']>('/meetings'),
  /** The caller's unit's meeting tasks, each explaining itself (same shape as a person's tasks). */
  tasks: () => http.get<Schemas['PersonTaskList']>('/meetings/tasks'),
  record: (body: MeetingInput) => http.post<Recorded>('/meetings', body),
}
