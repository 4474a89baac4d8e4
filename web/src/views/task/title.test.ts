import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import { ENGINE_RULE_IDS } from './rules'
import { taskTitle, titleKey } from './title'

function title(locale: 'zh-CN' | 'en', task: Parameters<typeof taskTitle>[2], today = '2026-11-26') {
  const i18n = createI18n({ legacy: false, locale, messages })
  return taskTitle(i18n.global.t as never, i18n.global.te as never, task, today)
}

describe('a task says what to do, with the name; the rule id comes second', () => {
  it('names the person and the due date', () => {
    const t = { rule: 'R-REG-1', key: '2026-11-09/R-REG-1', due: '2026-12-09', person_name: '张三' }
    expect(title('zh-CN', t)).toBe('为张三办理报到登记，截止 12月9日')
    expect(title('en', t)).toBe('Register 张三 by 9 Dec')
  })
  it('says the year of a due date in another year', () => {
    const t = { rule: 'R-REG-1', key: '2022-02-02/R-REG-1', due: '2022-03-04', person_name: '张三' }
    expect(title('zh-CN', t)).toBe('为张三办理报到登记，截止 2022年3月4日')
    expect(title('en', t)).toBe('Register 张三 by 4 Mar 2022')
    expect(title('zh-CN', { ...t, due: '2027-01-05' }, '2027-01-01')).toBe('为张三办理报到登记，截止 1月5日')
  })
  it('gives the release notice and the reception reply their own names', () => {
    expect(titleKey({ rule: 'R-LNK-4', key: '2027-01-15/R-LNK-4/notice' })).toBe('R-LNK-4-notice')
    expect(titleKey({ rule: 'R-LNK-4', key: '2027-01-15/R-LNK-4/reply' })).toBe('R-LNK-4-reply')
    const notice = title('zh-CN', { rule: 'R-LNK-4', key: 'x/R-LNK-4/notice', due: '2026-12-15', person_name: '李四' })
    const reply = title('zh-CN', { rule: 'R-LNK-4', key: 'x/R-LNK-4/reply', due: '2026-12-27', person_name: '李四' })
    expect(notice).toContain('刑满释放人员通知书')
    expect(reply).toContain('接收安排')
  })
  it('names the R-PCK-1 notification apart from the pick-up', () => {
    expect(titleKey({ rule: 'R-PCK-1', key: '2026-12-13/R-PCK-1/notice' })).toBe('R-PCK-1-notice')
    expect(titleKey({ rule: 'R-PCK-1', key: '2026-12-13/R-PCK-1' })).toBe('R-PCK-1')
    expect(title('zh-CN', { rule: 'R-PCK-1', key: 'x/R-PCK-1/notice', due: '2026-12-12', person_name: '王五' })).toBe(
      '将重点帮教对象王五释放一事通报镇街和派出所，截止 12月12日',
    )
  })
  it('names the step an allowance application waits for, and the month a payment is for (R-ALW-2, R-ALW-1)', () => {
    expect(titleKey({ rule: 'R-ALW-2', key: 'R-ALW-2/7', anchor: 'verification' })).toBe('R-ALW-2-verification')
    expect(titleKey({ rule: 'R-ALW-2', key: 'R-ALW-2/7' })).toBe('R-ALW-2') // no step known
    expect(titleKey({ rule: 'R-ALW-2', key: '2026-05-01/R-ALW-2/7/approval' })).toBe('R-ALW-2-approval') // a workbench row: from its key
    expect(titleKey({ rule: 'R-ALW-2', key: 'R-ALW-2/7', anchor: 'release_date' })).toBe('R-ALW-2')
    expect(title('zh-CN', { rule: 'R-ALW-2', key: 'R-ALW-2/7', anchor: 'certificate', due: '2026-12-06', person_name: '赵六' })).toBe('为赵六出具补助金困难证明，截止 12月6日')
    expect(title('zh-CN', { rule: 'R-ALW-1', key: '2026-06-10/R-ALW-1/7/2026-11', due: '2026-11-30', person_name: '赵六' })).toBe('发放赵六 2026-11 的过渡性困难生活补助金，截止 11月30日')
    expect(title('en', { rule: 'R-ALW-1', key: 'R-ALW-1/7/2026-11', due: '2026-11-30', person_name: 'Zhao' })).toBe('Pay the hardship allowance of Zhao for 2026-11 by 30 Nov')
    for (const step of ['documents', 'certificate', 'verification', 'approval']) {
      for (const m of [messages['zh-CN'].task, messages.en.task]) {
        expect(m.title.rule).toHaveProperty([`R-ALW-2-${step}`])
        expect(m.requirement).toHaveProperty([`R-ALW-2-${step}`])
        expect(m.fulfilledBy).toHaveProperty([`R-ALW-2-${step}`])
        expect(m.anchor).toHaveProperty([step])
      }
    }
  })
  it('has a title for every rule of the engine, in both languages', () => {
    const split: Record<string, string[]> = { 'R-LNK-4': ['R-LNK-4-notice', 'R-LNK-4-reply'], 'R-PCK-1': ['R-PCK-1', 'R-PCK-1-notice'] }
    const keys = ENGINE_RULE_IDS.flatMap((r) => split[r] ?? [r])
    for (const k of keys) {
      expect(messages['zh-CN'].task.title.rule).toHaveProperty([k])
      expect(messages.en.task.title.rule).toHaveProperty([k])
    }
  })
})
