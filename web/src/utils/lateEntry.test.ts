import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import { lateDates, lateOfParams, lateText } from './lateEntry'
import { timelineText } from '@/views/person/timelineText'
import { canAnswerReception, canCorrectReleaseNotice, documentSummary, formContent, releaseNoticeFromDoc } from '@/views/document/data'

function i18n(locale: 'zh-CN' | 'en') {
  const { t, te } = createI18n({ legacy: false, locale, messages }).global
  return { t: t as never as (k: string, p?: Record<string, unknown>) => string, te: te as never as (k: string) => boolean }
}

describe('late entries (补录) are worded with both dates', () => {
  it('says 补录 with the date carried and the day entered, in Chinese punctuation', () => {
    const { t } = i18n('zh-CN')
    const d = lateDates('2026-11-20', { late: true, entered_on: '2026-11-26' })
    expect(d).toEqual({ on: '2026-11-20', entered: '2026-11-26' })
    expect(lateText(t, d!)).toBe('补录（记录日期 2026-11-20，2026-11-26 录入）')
    expect(lateText(i18n('en').t, d!)).toBe('Late entry (dated 2026-11-20, entered 2026-11-26)')
  })
  it('is nothing for a record entered on its day', () => {
    expect(lateDates('2026-11-26', { late: false, entered_on: '2026-11-26' })).toBeNull()
    expect(lateDates('2026-11-26', undefined)).toBeNull()
    expect(lateOfParams({ held_on: '2026-11-26' })).toBeNull()
  })
  it('reads a timeline entry’s parameters', () => {
    expect(lateOfParams({ late_on: '2026-11-01', entered_on: '2026-11-26' })).toEqual({ on: '2026-11-01', entered: '2026-11-26' })
  })
})

describe('corrections are worded with their reason', () => {
  it('names the registration correction and the release notice correction', () => {
    const { t, te } = i18n('zh-CN')
    expect(timelineText(t, te, { code: 'registration.corrected', params: { registered_on: '2026-11-19', reason: '编号录错' } })).toBe(
      '更正报到登记（报到日期 2026-11-19），原因：编号录错',
    )
    const v = timelineText(t, te, {
      code: 'document.release_notice_corrected',
      params: { old_release_date: '2027-03-01', release_date: '2027-03-05', risk_level: 'high', reason: '释放日期填错' },
    })
    expect(v).toBe('《刑满释放人员通知书》已更正：释放日期 2027-03-01 → 2027-03-05，风险等级高，原因：释放日期填错')
    expect(v).not.toMatch(/[a-z]/)
  })
  it('offers 更正 on a notice not yet replaced, and no reception on a replaced one', () => {
    expect(canCorrectReleaseNotice({ kind: 'release_notice', superseded_by: null })).toBe(true)
    expect(canCorrectReleaseNotice({ kind: 'release_notice', superseded_by: 9 })).toBe(false)
    expect(canCorrectReleaseNotice({ kind: 'registration_form', superseded_by: null })).toBe(false)
    expect(canAnswerReception({ kind: 'release_notice', answered_on: null, superseded_by: 9 })).toBe(false)
  })
  it('starts a correction from the notice as sent', () => {
    const f = releaseNoticeFromDoc({ event_date: '2027-03-01', data: { release_date: '2027-03-01', place: '荣昌区看守所', risk_level: 'medium', suggestions: { work: true } } })
    expect(f.release_date).toBe('2027-03-01')
    expect(f.place).toBe('荣昌区看守所')
    expect(f.risk_level).toBe('medium')
    expect(f.suggestions).toEqual({ housing: false, work: true, medical: false, living: false })
  })
})

describe('the answers a custody unit opens, and the form beside the verification', () => {
  it('words the findings, the notice and the arrangement', () => {
    const { t, te } = i18n('zh-CN')
    expect(documentSummary(t, te, { kind: 'verification_feedback', data: { false_name: 'cleared', false_identity: 'cleared', false_address: 'suspected' } })).toBe(
      '假姓名：已排除；假身份：已排除；假地址：存疑',
    )
    expect(documentSummary(t, te, { kind: 'reception_arrangement', data: { pickup_by: 'family', planned_date: '2027-03-05' } })).toBe(
      '家属及村居代表接回，计划接回日期 2027-03-05',
    )
  })
  it('lists the form’s filled fields in order and its family members', () => {
    const c = formContent({ marital_status: '已婚', occupation: '务农', skills: ' ', family_members: [{ name: '衔接母', relation: '母亲' }, { name: '' }] })
    expect(c.fields.map((f) => f.key)).toEqual(['occupation', 'marital_status'])
    expect(c.members).toEqual(['衔接母（母亲）'])
  })
})
