// Pure helpers of the workbench task list: where a task is resolved, and which of a person's own
// tasks (GET /persons/{id}/tasks, with explanations) a workbench row is.
import type { RouteLocationRaw } from 'vue-router'
import type { TaskRow } from '@/api/tasks'

/**
 * True when a workbench row (key qualified by the assistance period, e.g. "2022-09-30/R-VIS-1/2022H2")
 * is the person's task `personKey` ("R-VIS-1/2022H2").
 */
export function isSameTask(rowKey: string, personKey: string): boolean {
  return rowKey === personKey || rowKey.endsWith(`/${personKey}`)
}

/** Duties answered with a document from the inbox: 核查反馈 (R-LNK-2) and 接收安排 (R-LNK-4 reply). */
export function answeredFromInbox(row: Pick<TaskRow, 'rule' | 'key'>): boolean {
  return row.rule === 'R-LNK-2' || isSameTask(row.key, 'R-LNK-4/reply')
}

type Row = Pick<TaskRow, 'rule' | 'key' | 'person_id' | 'unit'>
export interface Me {
  unitId?: number
  /** document:read */
  canInbox: boolean
}

/** True when the caller answers the task from the inbox, which holds only documents received by the caller's unit. */
export function resolvedInInbox(row: Row, me: Me): boolean {
  return me.canInbox && row.unit?.id === me.unitId && answeredFromInbox(row)
}

/**
 * The page that resolves a task: the inbox, or else the person's file (follow-ups, reviews, pick-up,
 * registration), opened at 家庭变故与帮扶 for the help owed after a family change (R-LNK-3).
 */
export function resolvePage(row: Row, me: Me): RouteLocationRaw {
  if (resolvedInInbox(row, me)) return { name: 'document-inbox' }
  const file = { name: 'person-detail', params: { id: row.person_id } }
  if (row.rule === 'R-LNK-3') return { ...file, hash: '#family' }
  // R-ORG-3, R-ORG-4: the file's 帮教小组 and 帮教方案 sections.
  if (row.rule === 'R-ORG-3') return { ...file, hash: '#help-group' }
  if (row.rule === 'R-ORG-4') return { ...file, hash: '#help-plan' }
  // Issue 10: a step of an allowance application is taken in the file's section; a month is paid
  // through the township's payment list.
  if (row.rule === 'R-ALW-2') return { ...file, hash: '#allowance' }
  if (row.rule === 'R-ALW-1') return { name: 'allowance-payments' }
  return file
}
