// What a task asks, said with the person's name and the due date ("为张三办理报到登记，截止 12月9日");
// the rule id is shown beside it, second. The release notice (custody unit) and the reception reply
// (judicial office) are both R-LNK-4 but have their own names.
type T = (key: string, params?: Record<string, unknown>) => string
type Te = (key: string) => boolean

export interface TaskLike {
  rule: string
  key: string
  due: string
  person_name?: string | null
}

/** The message key of a task's title: the rule id, R-LNK-4 split into its notice and reply. */
export function titleKey(task: Pick<TaskLike, 'rule' | 'key'>): string {
  if (task.rule === 'R-LNK-4') return task.key.endsWith('/reply') ? 'R-LNK-4-reply' : 'R-LNK-4-notice'
  // R-PCK-1: the judicial office's notification before release, apart from the township's pick-up.
  if (task.rule === 'R-PCK-1' && task.key.endsWith('/notice')) return 'R-PCK-1-notice'
  return task.rule
}

/** "12月9日" / "9 Dec" (the year when it is not the current one is left out on purpose: lists are near). */
export function shortDate(t: T, day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return y && m && d ? t('task.title.date', { y, m, d, mon: t(`task.title.month.${m}`) }) : day
}

export function taskTitle(t: T, te: Te, task: TaskLike): string {
  const key = `task.title.rule.${titleKey(task)}`
  const params = { name: task.person_name ?? '', due: shortDate(t, task.due) }
  return te(key) ? t(key, params) : t('task.title.other', { rule: task.rule, ...params })
}
