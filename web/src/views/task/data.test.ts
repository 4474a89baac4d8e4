import { describe, expect, it } from 'vitest'
import { countByState, filterQuery, filterRules, firstCard, isFulfilled, nextDue, nextDueByRule, sortTasks, taskStateTag, townshipOptions } from './data'

const task = (key: string, state: 'open' | 'overdue' | 'done' | 'not_applicable' | 'missed', due: string) => ({ key, state, due })

describe('task helpers', () => {
  it('colours states, overdue in red', () => {
    expect(taskStateTag('overdue')).toBe('danger')
    expect(taskStateTag('done')).toBe('success')
    expect(taskStateTag('open')).toBe('primary')
    expect(taskStateTag('not_applicable')).toBe('info')
    expect(taskStateTag('missed')).toBe('warning')
    expect(taskStateTag('whatever')).toBe('info')
  })

  it('opens the first card that has tasks', () => {
    expect(firstCard(null).state).toBe('overdue')
    expect(firstCard({ overdue: 0, due_this_week: 0, open: 0, done: 5, missed: 0 }).state).toBe('overdue')
    expect(firstCard({ overdue: 0, due_this_week: 2, open: 3, done: 0, missed: 0 }).state).toBe('due_soon')
    expect(firstCard({ overdue: 0, due_this_week: 0, open: 3, done: 0, missed: 0 }).state).toBe('open')
    expect(firstCard({ overdue: 1, due_this_week: 2, open: 3, done: 0, missed: 0 }).state).toBe('overdue')
    // Missed duties are kept and counted, but are not to-do: never the card opened first.
    expect(firstCard({ overdue: 0, due_this_week: 0, open: 0, done: 0, missed: 4 }).state).toBe('overdue')
  })

  it('sorts pending tasks first by due date, closed ones newest first', () => {
    const sorted = sortTasks([
      task('a', 'done', '2026-06-30'),
      task('b', 'open', '2027-06-30'),
      task('c', 'not_applicable', '2026-01-01'),
      task('d', 'overdue', '2026-03-01'),
      task('e', 'open', '2026-12-31'),
      task('f', 'done', '2026-12-31'),
      task('g', 'missed', '2026-09-30'),
    ])
    expect(sorted.map((t) => t.key)).toEqual(['d', 'e', 'b', 'f', 'g', 'a', 'c'])
  })

  it('counts by state and finds the next due task', () => {
    const ts = [task('a', 'done', '2026-06-30'), task('b', 'open', '2027-06-30'), task('e', 'open', '2026-12-31'), task('m', 'missed', '2026-06-30')]
    expect(countByState(ts)).toEqual({ overdue: 0, open: 2, done: 1, not_applicable: 0, missed: 1 })
    expect(nextDue(ts)?.key).toBe('e')
    expect(nextDue([task('a', 'done', '2026-06-30')])).toBeUndefined()
  })

  it('lists the next due task of each rule', () => {
    const ts = [
      { key: 'R-VIS-1/2026H2', rule: 'R-VIS-1', state: 'done' as const, due: '2026-12-31' },
      { key: 'R-VIS-1/2027H1', rule: 'R-VIS-1', state: 'open' as const, due: '2027-06-30' },
      { key: 'R-VIS-1/2027H2', rule: 'R-VIS-1', state: 'open' as const, due: '2027-12-31' },
      { key: 'R-REG-1', rule: 'R-REG-1', state: 'overdue' as const, due: '2026-12-21' },
    ]
    expect(nextDueByRule(ts).map((t) => t.key)).toEqual(['R-REG-1', 'R-VIS-1/2027H1'])
  })

  it('treats empty and null fulfilment dates as not fulfilled', () => {
    expect(isFulfilled({ fulfilled_on: '' })).toBe(false)
    expect(isFulfilled({ fulfilled_on: null })).toBe(false)
    expect(isFulfilled({ fulfilled_on: '2026-11-26' })).toBe(true)
  })
})

describe('the district officer\'s filters', () => {
  it('sends only what is chosen', () => {
    expect(filterQuery({ township: '', rule: '' })).toEqual({})
    expect(filterQuery({ township: 12, rule: '' })).toEqual({ unit_id: 12 })
    expect(filterQuery({ township: '', rule: 'R-VIS-1' })).toEqual({ rule: 'R-VIS-1' })
    expect(filterQuery({ township: 12, rule: 'R-PCK-1' })).toEqual({ unit_id: 12, rule: 'R-PCK-1' })
  })
  it('offers the active townships by code, and the person rules', () => {
    const units = [
      { id: 3, kind: 'township', code: '500153101', name: '仁义镇', active: true },
      { id: 2, kind: 'township', code: '500153001', name: '昌元街道', active: true },
      { id: 4, kind: 'village', code: '500153001001', name: '玉屏社区', active: true },
      { id: 5, kind: 'township', code: '500153002', name: '旧镇', active: false },
    ]
    expect(townshipOptions(units).map((u) => u.name)).toEqual(['昌元街道', '仁义镇'])
    expect(filterRules(['R-VIS-1', 'R-MTG-1', 'R-PCK-1', 'R-EDU-1'])).toEqual(['R-VIS-1', 'R-PCK-1'])
  })
})
