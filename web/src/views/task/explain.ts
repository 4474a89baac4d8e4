// Why a task exists, worded from the values the server sends (GET /persons/{id}/tasks,
// /meetings/tasks): the duty from the rule and its period, what closes it from the rule, then the
// anchor event and date, the previous record, the window, the due date and the state — or why it is
// not pursued (exemption). The server writes no prose (src/rules/engine.hpp, Task).
import { titleKey } from './title'

type T = (key: string, params?: Record<string, unknown>) => string
type Te = (key: string) => boolean

export interface ExplainedTask {
  rule: string
  clause: string
  key: string
  period?: string | null
  exemption?: string | null
  anchor: string
  anchor_date: string
  window_from: string
  due: string
  state: string
  late: boolean
  fulfilled_on?: string | null
  previous_fulfilment?: string | null
}

function word(t: T, te: Te, key: string, fallback: string): string {
  return te(key) ? t(key) : fallback
}

/** The kind of record that fulfils a recurring rule, for "上次走访 …". */
function recordKind(rule: string): 'review' | 'meeting' | 'visit' {
  if (rule.startsWith('R-REV')) return 'review'
  if (rule.startsWith('R-MTG')) return 'meeting'
  return 'visit'
}

/** The duty: "帮教对象（含重点帮教对象）每半年至少走访一次". Unknown rules: the rule id. */
export function requirementText(t: T, te: Te, task: Pick<ExplainedTask, 'rule' | 'key' | 'period'> & { anchor?: string }): string {
  const key = `task.requirement.${titleKey(task)}`
  if (!te(key)) return task.rule
  const period = task.period ? word(t, te, `task.period.${task.period}`, task.period) : ''
  return t(key, { period })
}

/** What closes the task: "期间内的一次走访记录". */
export function fulfilledByText(t: T, te: Te, task: Pick<ExplainedTask, 'rule' | 'key'> & { anchor?: string }): string {
  const key = `task.fulfilledBy.${titleKey(task)}`
  return te(key) ? t(key) : ''
}

/** Where the task stands: "待办，需期间内的一次走访记录", "已于 … 完成", "到期日在押，不适用". */
export function stateText(t: T, te: Te, task: ExplainedTask): string {
  const need = fulfilledByText(t, te, task)
  switch (task.state) {
    case 'done':
      return t(task.late ? 'task.explain.doneLate' : 'task.explain.done', { date: task.fulfilled_on ?? '' })
    case 'overdue':
      return t('task.explain.overdue', { need })
    case 'open':
      return t('task.explain.open', { need })
    case 'missed':
      return t('task.explain.missed')
    case 'not_applicable':
      return t(task.exemption === 'before_file' ? 'task.explain.beforeFile' : 'task.explain.inCustody')
  }
  return word(t, te, `task.state.${task.state}`, task.state)
}

/**
 * The whole explanation, e.g. "R-VIS-1 §2.3.4：帮教对象（含重点帮教对象）每半年至少走访一次；起算：释放日期
 * 2025-05-10；上次走访 2026-03-02；期间 2026-07-01 至 2026-12-31，应于 2026-12-31 前完成；待办，需期间内的一次走访记录".
 */
export function explainTask(t: T, te: Te, task: ExplainedTask): string {
  const parts = [
    t('task.explain.head', { rule: task.rule, clause: task.clause, requirement: requirementText(t, te, task) }),
    t('task.explain.anchor', { anchor: word(t, te, `task.anchor.${task.anchor}`, task.anchor), date: task.anchor_date }),
  ]
  if (task.previous_fulfilment) {
    parts.push(t('task.explain.previous', { record: t(`task.explain.record.${recordKind(task.rule)}`), date: task.previous_fulfilment }))
  }
  parts.push(
    task.window_from < task.due
      ? t('task.explain.window', { from: task.window_from, due: task.due })
      : t('task.explain.dueOnly', { due: task.due }),
  )
  parts.push(stateText(t, te, task))
  return parts.join(t('task.explain.sep'))
}
