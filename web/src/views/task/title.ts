// What a task asks, said with the person's name and the due date ("为张三办理报到登记，截止 12月9日");
// the rule id is shown beside it, second. The release notice (custody unit) and the reception reply
// (judicial office) are both R-LNK-4 but have their own names.
import { todayCST } from '@/utils/clock'

type T = (key: string, params?: Record<string, unknown>) => string
type Te = (key: string) => boolean

export interface TaskLike {
  rule: string
  key: string
  due: string
  person_name?: string | null
  /** The person's own tasks carry it (R-ALW-2: the step awaited); workbench rows do not. */
  anchor?: string
}

/** R-ALW-2: the steps of the allowance chain, each its own wording when the anchor names it. */
const ALLOWANCE_STEPS = ['documents', 'certificate', 'verification', 'approval']

/** The message key of a task's title: the rule id, R-LNK-4 split into its notice and reply. */
export function titleKey(task: Pick<TaskLike, 'rule' | 'key' | 'anchor'>): string {
  if (task.rule === 'R-LNK-4') return task.key.endsWith('/reply') ? 'R-LNK-4-reply' : 'R-LNK-4-notice'
  // R-PCK-1: the judicial office's notification before release, apart from the township's pick-up.
  if (task.rule === 'R-PCK-1' && task.key.endsWith('/notice')) return 'R-PCK-1-notice'
  // R-ORG-4: a revision after a review or a change of class, apart from the first plan.
  if (task.rule === 'R-ORG-4' && task.key.includes('/revision/')) return 'R-ORG-4-revision'
  // R-ALW-2 (issue 10): the step the application waits for — its anchor, and the last part of its
  // key ("R-ALW-2/<application>/<step>"), which workbench rows carry too.
  if (task.rule === 'R-ALW-2') {
    const step = task.anchor && ALLOWANCE_STEPS.includes(task.anchor) ? task.anchor : task.key.split('/').pop() ?? ''
    if (ALLOWANCE_STEPS.includes(step)) return `R-ALW-2-${step}`
  }
  return task.rule
}

/** "12月9日" / "9 Dec" in the current year (of `today`), "2022年3月4日" / "4 Mar 2022" in another. */
export function shortDate(t: T, day: string, today: string = todayCST()): string {
  const [y, m, d] = day.split('-').map(Number)
  if (!y || !m || !d) return day
  const key = String(y) === today.slice(0, 4) ? 'task.title.date' : 'task.title.dateWithYear'
  return t(key, { y, m, d, mon: t(`task.title.month.${m}`) })
}

export function taskTitle(t: T, te: Te, task: TaskLike, today: string = todayCST()): string {
  const key = `task.title.rule.${titleKey(task)}`
  // R-ALW-1 names its month, the key's last part ("…/R-ALW-1/12/2026-11").
  const month = /\/(\d{4}-\d{2})$/.exec(task.key)?.[1] ?? ''
  const params = { name: task.person_name ?? '', due: shortDate(t, task.due, today), month }
  return te(key) ? t(key, params) : t('task.title.other', { rule: task.rule, ...params })
}
