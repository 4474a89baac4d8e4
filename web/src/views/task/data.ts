// Pure helpers of the task views (workbench task list, the person file's task section).
import type { PersonTask, TaskCounts, TaskFilterState, TaskState } from '@/api/tasks'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const TASK_STATE_TAG: Record<TaskState, TagType> = {
  overdue: 'danger',
  open: 'primary',
  done: 'success',
  not_applicable: 'info',
  missed: 'warning',
}

/** Tag colour of a task state (overdue in red). */
export function taskStateTag(s: string): TagType {
  return TASK_STATE_TAG[s as TaskState] ?? 'info'
}

/** A workbench card: which count it shows and which /tasks `state` filter lists its tasks. */
export interface WorkbenchCard {
  count: keyof TaskCounts
  state: TaskFilterState
}

export const WORKBENCH_CARDS: WorkbenchCard[] = [
  { count: 'overdue', state: 'overdue' },
  { count: 'due_this_week', state: 'due_soon' },
  { count: 'open', state: 'open' },
  { count: 'done', state: 'done' },
  { count: 'missed', state: 'missed' },
]

/** The card to open first: the first to-do card with anything in it (overdue first), else overdue. */
export function firstCard(counts: TaskCounts | null | undefined): WorkbenchCard {
  const todo = (c: WorkbenchCard) => c.count !== 'done' && c.count !== 'missed'
  const hit = counts ? WORKBENCH_CARDS.find((c) => todo(c) && counts[c.count] > 0) : undefined
  return hit ?? WORKBENCH_CARDS[0]!
}

/** True when the task has been fulfilled (the server sends '' or null otherwise). */
export function isFulfilled(t: Pick<PersonTask, 'fulfilled_on'>): boolean {
  return !!t.fulfilled_on
}

const STATE_RANK: Record<TaskState, number> = { overdue: 0, open: 1, done: 2, missed: 2, not_applicable: 3 }

/**
 * A person's tasks as the file lists them: pending ones (overdue, then open) by due date first,
 * then closed ones (done or missed, then not applicable) with the most recent due date first.
 */
export function sortTasks<T extends Pick<PersonTask, 'state' | 'due' | 'key'>>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => {
    const r = (STATE_RANK[a.state] ?? 9) - (STATE_RANK[b.state] ?? 9)
    if (r !== 0) return r
    const pending = a.state === 'overdue' || a.state === 'open'
    const d = pending ? a.due.localeCompare(b.due) : b.due.localeCompare(a.due)
    return d !== 0 ? d : a.key.localeCompare(b.key)
  })
}

/** Counts by state, e.g. for the tab label "任务(2 逾期)". */
export function countByState(tasks: readonly Pick<PersonTask, 'state'>[]): Record<TaskState, number> {
  const out: Record<TaskState, number> = { overdue: 0, open: 0, done: 0, not_applicable: 0, missed: 0 }
  for (const t of tasks) if (t.state in out) out[t.state]++
  return out
}

/** The pending task due first (what the officer must do next), or undefined. */
export function nextDue<T extends Pick<PersonTask, 'state' | 'due' | 'key'>>(tasks: readonly T[]): T | undefined {
  return sortTasks(tasks.filter((t) => t.state === 'open' || t.state === 'overdue'))[0]
}

/** For each rule with pending tasks, the one due first; ordered by due date ("what comes next"). */
export function nextDueByRule<T extends Pick<PersonTask, 'state' | 'due' | 'key' | 'rule'>>(tasks: readonly T[]): T[] {
  const seen = new Set<string>()
  const out: T[] = []
  for (const t of sortTasks(tasks.filter((x) => x.state === 'open' || x.state === 'overdue'))) {
    if (seen.has(t.rule)) continue
    seen.add(t.rule)
    out.push(t)
  }
  return out
}

/** The district officer's filters (请选择 / 全部 = '' for no filter): a township and a rule id. */
export interface BoardFilter {
  township: number | ''
  rule: string
}

/** The query of GET /workbench and GET /tasks for the filters: only what is chosen. */
export function filterQuery(f: BoardFilter): { unit_id?: number; rule?: string } {
  const q: { unit_id?: number; rule?: string } = {}
  if (f.township !== '') q.unit_id = f.township
  if (f.rule) q.rule = f.rule
  return q
}

/** Townships of the unit tree by name order of their code (the filter's drop-down). */
export function townshipOptions<U extends { id: number; kind: string; code: string; name: string; active: boolean }>(units: readonly U[]): U[] {
  return units.filter((u) => u.kind === 'township' && u.active).sort((a, b) => a.code.localeCompare(b.code))
}

/** The rules a task list can be filtered by: the person rules (unit tasks — meetings, targeted
 *  education — are not listed). */
export function filterRules(ids: readonly string[]): string[] {
  return ids.filter((r) => !r.startsWith('R-MTG') && !r.startsWith('R-EDU') && r !== 'R-BASE-1' && r !== 'R-EMP-2')
}
