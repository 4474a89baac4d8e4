import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import { CHINESE, asciiPunctuationInChinese } from '@/locales/punctuation'
import type { AllowanceEntitlement, AllowanceMonth, AllowanceStep } from '@/api/allowance'
import {
  ACTION_STEP,
  addMonths,
  awaitingBefore,
  barState,
  entitlementLines,
  formatYuan,
  instantOf,
  isInForce,
  lastMonths,
  monthPayment,
  monthPaymentText,
  monthRule,
  noteRequired,
  orderedActions,
  reportTotals,
  stepLabelKey,
  stoppedSince,
  daysBetween,
  townshipTotals,
} from './data'

function i18n(locale: 'zh-CN' | 'en') {
  return createI18n({ legacy: false, locale, messages }).global.t as never
}
const steps = (...codes: AllowanceStep['step'][]) => codes.map((step) => ({ step }))
const month = (m: string, over: Partial<AllowanceMonth> = {}): AllowanceMonth => ({
  month: m, status: 'payable', household_kind: 'urban', standard_fen: 74000, amount_fen: 74000, paid_fen: 0, paid_on: null, in_run: null, ...over,
})

describe('formatYuan: integer fen as yuan with two decimals', () => {
  it('shows the standard and small amounts exactly', () => {
    expect(formatYuan(74000)).toBe('¥740.00')
    expect(formatYuan(60005)).toBe('¥600.05')
    expect(formatYuan(7)).toBe('¥0.07')
    expect(formatYuan(0)).toBe('¥0.00')
  })
  it('shows large amounts whole and keeps the sign of a reversal', () => {
    expect(formatYuan(123456789)).toBe('¥1234567.89')
    expect(formatYuan(-74000)).toBe('-¥740.00')
    expect(formatYuan(-5)).toBe('-¥0.05')
  })
  it('is empty for no amount', () => {
    expect(formatYuan(null)).toBe('')
    expect(formatYuan(undefined)).toBe('')
    expect(formatYuan(Number.NaN)).toBe('')
  })
})

describe('the step bar: 申请 → 困难证明 → 司法所核实 → 镇街审批 → 按月发放', () => {
  it('stands at the station the application waits for', () => {
    expect(barState('certificate', steps('applied'))).toEqual({ active: 1, status: 'process', returned: false })
    expect(barState('verification', steps('applied', 'certified'))).toMatchObject({ active: 2, status: 'process' })
    expect(barState('approval', steps('applied', 'certified', 'verified'))).toMatchObject({ active: 3, status: 'process' })
    expect(barState('documents', steps('applied', 'returned'))).toEqual({ active: 0, status: 'process', returned: true })
  })
  it('pays monthly while a payable month is unpaid, then all finished', () => {
    const s = steps('applied', 'certified', 'verified', 'approved')
    expect(barState('approved', s, [month('2026-11', { paid_fen: 74000 }), month('2026-12')])).toMatchObject({ active: 4, status: 'process' })
    expect(barState('approved', s, [month('2026-11', { paid_fen: 74000 }), month('2026-12', { status: 'dibao', amount_fen: 0 })])).toMatchObject({ active: 5, status: 'finish' })
  })
  it('marks the station of a rejection as failed', () => {
    expect(barState('rejected', steps('applied', 'rejected'))).toMatchObject({ active: 1, status: 'error' })
    expect(barState('rejected', steps('applied', 'certified', 'rejected'))).toMatchObject({ active: 2, status: 'error' })
    expect(barState('rejected', steps('applied', 'certified', 'verified', 'rejected'))).toMatchObject({ active: 3, status: 'error' })
    // returned by the approval to the judicial office, which rejects it
    expect(barState('rejected', steps('applied', 'certified', 'verified', 'returned', 'rejected'))).toMatchObject({ active: 2, status: 'error' })
    expect(barState('rejected', steps('applied', 'returned', 'rejected'))).toMatchObject({ active: 0, status: 'error' })
  })
  it('replays returns one step back, as the server does', () => {
    expect(awaitingBefore(steps('applied', 'certified', 'returned'))).toBe('certificate')
    expect(awaitingBefore(steps('applied', 'certified', 'verified', 'returned'))).toBe('verification')
    expect(awaitingBefore(steps('applied', 'returned', 'applied'))).toBe('certificate')
    expect(awaitingBefore(steps('applied', 'verified'))).toBe('certificate') // not a step of this state
  })
})

describe('actions', () => {
  it('map to the steps of the contract', () => {
    expect(ACTION_STEP).toEqual({ resubmit: 'applied', certify: 'certified', verify: 'verified', approve: 'approved', reject: 'rejected', return: 'returned' })
  })
  it('offer exactly the server’s actions, forward first and rejection last', () => {
    expect(orderedActions(['reject', 'approve', 'return'])).toEqual(['approve', 'return', 'reject'])
    expect(orderedActions([])).toEqual([])
  })
  it('need a note for the opinion, the reason and what is missing', () => {
    expect(['verify', 'reject', 'return'].every((a) => noteRequired(a as never))).toBe(true)
    expect(['certify', 'approve', 'resubmit'].some((a) => noteRequired(a as never))).toBe(false)
  })
  it('names a later application step a resubmission', () => {
    const s = steps('applied', 'returned', 'applied')
    expect([0, 1, 2].map((i) => stepLabelKey(s, i))).toEqual(['applied', 'returned', 'resubmitted'])
  })
})

describe('months', () => {
  it('add across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-06', -17)).toBe('2025-01')
  })
  it('give the last six months up to today’s', () => {
    expect(lastMonths('2026-11-26', 6)).toEqual(['2026-06', '2026-11'])
    expect(lastMonths('2026-02-01', 6)).toEqual(['2025-09', '2026-02'])
  })
})

const late: AllowanceEntitlement = {
  as_of: '2026-11-26', release_date: '2026-06-10', deadline: '2026-07-10', registered_on: '2026-09-15', rounding: 'whole',
  months_late: 2, max_months: 6, months_payable: 4,
  months: [month('2026-11'), month('2026-12'), month('2027-01', { status: 'dibao', amount_fen: 0 }), month('2027-02', { status: 'dibao', amount_fen: 0 })],
  stopped_from: '2027-01', stop_rule: 'R-ALW-4', total_fen: 148000,
}

describe('the entitlement said step by step with the rule ids', () => {
  it('in zh-CN: deadline, registration, months late with the rounding, months payable, the stop, the total', () => {
    const lines = entitlementLines(i18n('zh-CN'), late, true)
    expect(lines.map((l) => l.rule)).toEqual(['R-REG-1', 'R-ALW-3', 'R-ALW-3', 'R-ALW-1', 'R-ALW-4', 'R-ALW-1'])
    expect(lines.map((l) => l.text)).toEqual([
      '释放日期 2026-06-10，报到期限 2026-07-10',
      '报到日期 2026-09-15，晚报到 2 个月（满一个月才计）',
      '可发放月数：最多 6 个月，减去晚报到 2 个月，为 4 个月',
      '自镇街审批当月起连续计发：2026-11 至 2027-02，每月按当月 1 日有效的低保标准',
      '本人享受低保，自 2027-01 起停发',
      '合计应发 ¥1480.00',
    ])
    for (const l of lines) expect(asciiPunctuationInChinese(l.text), l.text).toEqual([])
  })
  it('says an estimate before the approval, the started rounding and a re-offence', () => {
    const t = i18n('zh-CN')
    const lines = entitlementLines(t, { ...late, rounding: 'started', months_late: 3, months_payable: 3, stop_rule: 'R-ALW-5', stopped_from: '2026-12' }, false)
    expect(lines[0]).toEqual({ rule: 'R-ALW-1', text: '尚未审批：按今天（2026-11-26）审批估算' })
    expect(lines.map((l) => l.text)).toContain('报到日期 2026-09-15，晚报到 3 个月（不满一个月也计）')
    expect(lines).toContainEqual({ rule: 'R-ALW-5', text: '2026-12 重新犯罪，当月起停发' })
  })
  it('cuts to nothing when registered too late, and pays nothing unregistered', () => {
    const t = i18n('zh-CN')
    const tooLate = entitlementLines(t, { ...late, months_late: 8, months_payable: 0, months: [], stopped_from: null, stop_rule: '', total_fen: 0 }, true)
    expect(tooLate.map((l) => l.text)).toContain('可发放月数：最多 6 个月，减去晚报到 8 个月，不足按 0 计，为 0 个月')
    const onTime = entitlementLines(t, { ...late, registered_on: '2026-07-01', months_late: 0, months_payable: 6 }, true)
    expect(onTime[1]!.text).toBe('报到日期 2026-07-01，按期报到，不扣减')
    // late by days, less than a month: said so, with the counting, not called on time
    const days = entitlementLines(t, { ...late, registered_on: '2026-07-22', months_late: 0, months_payable: 6 }, true)
    expect(days[1]!.text).toBe('报到日期 2026-07-22，晚报到 12 天，不满一个月（满一个月才计），不扣减')
    expect(tooLate.map((l) => l.text)).toContain('按现有记录，本申请没有可发放的月份')
    const none = entitlementLines(t, { ...late, registered_on: null, months_late: 0, months_payable: 0, months: [], total_fen: 0 }, true)
    expect(none.map((l) => l.text)).toEqual(['释放日期 2026-06-10，报到期限 2026-07-10', '尚未报到：没有可发放的月份'])
  })
  it('in English, without Chinese', () => {
    const lines = entitlementLines(i18n('en'), late, false)
    for (const l of lines) expect(CHINESE.test(l.text), l.text).toBe(false)
    expect(lines.at(-1)!.text).toBe('Total payable ¥1480.00')
  })
})

describe('a month’s payment', () => {
  const today = '2026-11-26'
  it('is paid, in a run, due, not begun or nothing', () => {
    expect(monthPayment(month('2026-11', { paid_fen: 74000, paid_on: '2026-11-26' }), today)).toBe('paid')
    expect(monthPayment(month('2026-11', { in_run: 3 }), today)).toBe('in_run')
    expect(monthPayment(month('2026-11'), today)).toBe('due')
    expect(monthPayment(month('2026-12'), today)).toBe('not_begun')
    expect(monthPayment(month('2026-12', { status: 'reoffended', amount_fen: 0 }), today)).toBe('none')
    // before the approval nothing is owed: an estimate
    expect(monthPayment(month('2026-11'), today, false)).toBe('estimate')
    // a reversed payment nets to 0: due again
    expect(monthPayment(month('2026-11', { paid_fen: 0, paid_on: null }), today)).toBe('due')
  })
  it('is paid too much once 低保 or a re-offence is recorded after the payment, to be reversed', () => {
    const over = month('2026-11', { status: 'reoffended', amount_fen: 0, paid_fen: 74000, paid_on: '2026-11-20' })
    expect(monthPayment(over, today)).toBe('overpaid')
    expect(monthPaymentText(i18n('zh-CN'), over, today)).toBe('多发 ¥740.00（2026-11-20），请冲销')
    const lines = entitlementLines(i18n('zh-CN'), { ...late, months: [over], total_fen: 0 }, true)
    expect(lines).toContainEqual({ rule: 'R-ALW-6', text: '已多发 ¥740.00：低保或重新犯罪记录在发放之后，请在发放台账中冲销多发的月份' })
  })
  it('stops an approved application from a begun month only', () => {
    expect(stoppedSince({ stopped_from: '2026-11' }, today)).toBe('2026-11')
    expect(stoppedSince({ stopped_from: '2026-12' }, today)).toBe(null)
    expect(stoppedSince({ stopped_from: null }, today)).toBe(null)
    expect(daysBetween('2026-07-10', '2026-07-22')).toBe(12)
  })
  it('is worded with the amount and day', () => {
    const t = i18n('zh-CN')
    expect(monthPaymentText(t, month('2026-11', { paid_fen: 74000, paid_on: '2026-11-26' }), today)).toBe('已发放 ¥740.00（2026-11-26）')
    expect(monthPaymentText(t, month('2026-11', { in_run: 3 }), today)).toBe('已列入发放名单（第 3 号）')
  })
  it('names the rule of its status', () => {
    expect([monthRule({ status: 'payable' }), monthRule({ status: 'dibao' }), monthRule({ status: 'reoffended' })]).toEqual(['R-ALW-1', 'R-ALW-4', 'R-ALW-5'])
  })
})

describe('report and standards', () => {
  const tw = (id: number) => ({ id, name: `镇${id}`, kind: 'township' as const })
  const rows = [
    { township_unit: tw(1), month: '2026-10', applications: 2, approvals: 1, rejections: 0, persons_paid: 1, paid_fen: 74000 },
    { township_unit: tw(2), month: '2026-10', applications: 1, approvals: 0, rejections: 1, persons_paid: 0, paid_fen: 0 },
    { township_unit: tw(1), month: '2026-11', applications: 0, approvals: 0, rejections: 0, persons_paid: 2, paid_fen: 134000 },
  ]
  it('sums the rows', () => {
    expect(reportTotals(rows)).toEqual({ applications: 3, approvals: 1, rejections: 1, persons_paid: 3, paid_fen: 208000 })
    expect(reportTotals([])).toEqual({ applications: 0, approvals: 0, rejections: 0, persons_paid: 0, paid_fen: 0 })
  })
  it('sums per township', () => {
    expect(townshipTotals(rows).map((r) => [r.township_unit.id, r.applications, r.paid_fen])).toEqual([[1, 2, 208000], [2, 1, 0]])
  })
  it('finds the row in force', () => {
    const inForce = { from: '2026-07-01', urban_fen: 76000, rural_fen: 62000 }
    expect(isInForce({ ...inForce }, inForce)).toBe(true)
    expect(isInForce({ from: null, urban_fen: 74000, rural_fen: 60000 }, inForce)).toBe(false)
    expect(isInForce(inForce, null)).toBe(false)
  })
  it('reads integer instants in seconds or milliseconds', () => {
    expect(instantOf(1_764_000_000)).toBe('2025-11-24T16:00:00.000Z')
    expect(instantOf(1_764_000_000_000)).toBe('2025-11-24T16:00:00.000Z')
    expect(instantOf(0)).toBe('')
  })
})
