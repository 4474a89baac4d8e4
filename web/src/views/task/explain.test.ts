// Task explanations are worded by the web app from the task's values (issue 7 §5): zh-CN with
// Chinese punctuation and no English words, English without Chinese.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import { CHINESE, asciiPunctuationInChinese } from '@/locales/punctuation'
import { ENGINE_RULE_IDS } from './rules'
import { explainTask, fulfilledByText, requirementText, type ExplainedTask } from './explain'

function i18n(locale: 'zh-CN' | 'en') {
  const g = createI18n({ legacy: false, locale, messages }).global
  return { t: g.t as never, te: g.te as never }
}

const visit: ExplainedTask = {
  rule: 'R-VIS-1', clause: '§2.3.4', key: '2025-05-10/R-VIS-1/2026H2', period: 'half_year', exemption: null,
  anchor: 'release_date', anchor_date: '2025-05-10', window_from: '2026-07-01', due: '2026-12-31',
  state: 'open', late: false, fulfilled_on: null, previous_fulfilment: '2026-03-02',
}
const reg: ExplainedTask = {
  rule: 'R-REG-1', clause: '§2.3.3', key: '2025-05-10/R-REG-1', period: null, exemption: null,
  anchor: 'release_date', anchor_date: '2025-05-10', window_from: '2025-05-10', due: '2025-06-09',
  state: 'overdue', late: false, fulfilled_on: null, previous_fulfilment: null,
}

describe('R_VIS_1 and R_REG_1 explained from values', () => {
  it('in zh-CN', () => {
    const { t, te } = i18n('zh-CN')
    expect(explainTask(t, te, visit)).toBe(
      'R-VIS-1 §2.3.4：帮教对象（含重点帮教对象）每半年至少走访一次；起算：释放日期 2025-05-10；上次走访 2026-03-02；' +
        '期间 2026-07-01 至 2026-12-31，应于 2026-12-31 前完成；待办，需期间内的一次走访记录',
    )
    expect(explainTask(t, te, reg)).toBe(
      'R-REG-1 §2.3.3：刑满释放人员自释放之日起在规定期限内持释放证明到户籍地司法所报到；起算：释放日期 2025-05-10；' +
        '期间 2025-05-10 至 2025-06-09，应于 2025-06-09 前完成；已逾期，需报到登记记录',
    )
  })
  it('in English', () => {
    const { t, te } = i18n('en')
    expect(explainTask(t, te, visit)).toBe(
      'R-VIS-1 §2.3.4: Every person under assistance, key subjects included, is visited at least once a half-year; ' +
        'counted from the release date 2025-05-10; last visit 2026-03-02; period 2026-07-01 to 2026-12-31, due by 2026-12-31; ' +
        'open, needs a visit record in the period',
    )
  })
  it('says done, done late, missed and why a task is not pursued', () => {
    const { t, te } = i18n('zh-CN')
    expect(explainTask(t, te, { ...reg, state: 'done', fulfilled_on: '2025-06-01' })).toMatch(/已于 2025-06-01 完成$/)
    expect(explainTask(t, te, { ...reg, state: 'done', late: true, fulfilled_on: '2025-07-01' })).toMatch(/（逾期完成）$/)
    expect(explainTask(t, te, { ...visit, state: 'missed' })).toMatch(/未按期完成/)
    const custody = explainTask(t, te, { ...visit, state: 'not_applicable', exemption: 'in_custody' })
    expect(custody).toMatch(/在押/)
    const late = explainTask(t, te, { ...visit, state: 'not_applicable', exemption: 'before_file' })
    expect(late).toMatch(/建档/)
    expect(late).not.toMatch(/在押/)
  })
  it('words the period of a recurring duty and the meeting rules', () => {
    const { t, te } = i18n('zh-CN')
    expect(requirementText(t, te, { ...visit, period: 'month' })).toBe('帮教对象（含重点帮教对象）每月至少走访一次')
    expect(requirementText(t, te, { rule: 'R-MTG-3', key: 'R-MTG-3/2025-02', period: 'month' })).toBe('司法所与派出所每月对接一次')
    expect(fulfilledByText(t, te, { rule: 'R-MTG-3', key: 'R-MTG-3/2025-02' })).toBe('期间内的一次会议记录')
    const meeting = explainTask(t, te, {
      ...visit, rule: 'R-MTG-3', key: 'R-MTG-3/2025-02', period: 'month', anchor: 'active_from',
      anchor_date: '2025-01-01', window_from: '2025-02-01', due: '2025-02-28', previous_fulfilment: '2025-01-20',
    })
    expect(meeting).toBe(
      'R-MTG-3 §2.3.4：司法所与派出所每月对接一次；起算：单位启用日期 2025-01-01；上次会议 2025-01-20；' +
        '期间 2025-02-01 至 2025-02-28，应于 2025-02-28 前完成；待办，需期间内的一次会议记录',
    )
  })
})

describe('every rule of the engine is worded in both languages', () => {
  const keys = ENGINE_RULE_IDS.flatMap((r) => (r === 'R-LNK-4' ? ['R-LNK-4-notice', 'R-LNK-4-reply'] : [r]))
  const periods = ['month', 'quarter', 'half_year', 'year']
  const states: Partial<ExplainedTask>[] = [
    { state: 'open' }, { state: 'overdue' }, { state: 'done', fulfilled_on: '2026-01-02' },
    { state: 'done', late: true, fulfilled_on: '2026-01-02' }, { state: 'missed' },
    { state: 'not_applicable', exemption: 'in_custody' }, { state: 'not_applicable', exemption: 'before_file' },
  ]
  const anchors = Object.keys(messages['zh-CN'].task.anchor)
  function all(): ExplainedTask[] {
    const out: ExplainedTask[] = []
    for (const k of keys) {
      const rule = k.startsWith('R-LNK-4') ? 'R-LNK-4' : k
      const key = k === 'R-LNK-4-reply' ? 'x/R-LNK-4/reply' : k === 'R-LNK-4-notice' ? 'x/R-LNK-4/notice' : `x/${k}`
      for (const s of states) {
        out.push({ ...visit, rule, key, period: periods[out.length % 4], anchor: anchors[out.length % anchors.length], ...s })
      }
    }
    return out
  }
  it('has a requirement and what closes it for each', () => {
    for (const k of keys) {
      for (const m of [messages['zh-CN'].task, messages.en.task]) {
        expect(m.requirement).toHaveProperty([k])
        expect(m.fulfilledBy).toHaveProperty([k])
      }
    }
  })
  it('zh-CN: Chinese punctuation and no English words (rule ids, § clauses and dates aside)', () => {
    const { t, te } = i18n('zh-CN')
    for (const task of all()) {
      const text = explainTask(t, te, task)
      expect(asciiPunctuationInChinese(text), text).toEqual([])
      const rest = text.replace(/R-[A-Z]+-\d+/g, '').replace(/§[\d.]+/g, '').replace(/\d{4}-\d{2}-\d{2}/g, '')
      expect(rest, text).not.toMatch(/[A-Za-z]/)
    }
  })
  it('English: no Chinese', () => {
    const { t, te } = i18n('en')
    for (const task of all()) {
      const text = explainTask(t, te, task)
      expect(CHINESE.test(text), text).toBe(false)
      expect(text).not.toMatch(/task\.|\{/) // no missing message keys or placeholders
    }
  })
})
