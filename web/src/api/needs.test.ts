// Issue 9 item 1 and R-INS-1: the timeline words of the needs list and insurance entries, and the
// status an insurance step leaves (the form's default, checked by the server too).
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import { timelineText } from '@/views/person/timelineText'
import { statusAfterStep } from './needs'

function render(locale: 'zh-CN' | 'en', e: Parameters<typeof timelineText>[2]) {
  const i18n = createI18n({ legacy: false, locale, messages })
  const { t, te } = i18n.global
  return timelineText(t as never, te as never, e)
}

describe('needs list and insurance', () => {
  it('words need entries with categories, statuses and link kinds, never codes', () => {
    expect(render('zh-CN', { code: 'need.raised', params: { category: 'work', source: 'registration', raised_on: '2026-11-20' } })).toBe('新增需求（报到登记，2026-11-20）：就业')
    const v = render('zh-CN', { code: 'need.status_action', params: { category: 'housing', status: 'in_progress', on: '2026-11-21', action: '联系安置基地', link_kind: 'base_placement' } })
    expect(v).toBe('需求「住房」状态改为正在解决（2026-11-21）：联系安置基地（安置基地）')
    expect(render('zh-CN', { code: 'need.action', params: { category: 'money', on: '2026-11-21', action: '协助申请临时救助' } })).toBe('需求「生活费用」采取措施（2026-11-21）：协助申请临时救助')
    expect(render('en', { code: 'need.status', params: { category: 'health', status: 'met', on: '2026-11-22' } })).toBe('Need "health" set to met (2026-11-22)')
  })
  it('R_INS_1 words insurance entries and defaults the status from the step', () => {
    expect(render('zh-CN', { code: 'insurance.step', params: { scheme: 'pension_employee', step: 'transfer_applied', status: 'transferring', on: '2026-11-01' } })).toBe('社会保险：城镇职工养老保险申请转移，转移中（2026-11-01）')
    expect(render('zh-CN', { code: 'insurance.status', params: { scheme: 'medical', status: 'lapsed', on: '2026-11-01' } })).toBe('社会保险：医疗保险已断保（2026-11-01）')
    expect(statusAfterStep('transfer_applied')).toBe('transferring')
    expect(statusAfterStep('transfer_completed')).toBe('transferred')
    expect(statusAfterStep('joined_local')).toBe('insured')
    expect(statusAfterStep('')).toBeNull()
  })
})
