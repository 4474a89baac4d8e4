import { describe, expect, it } from 'vitest'
import { messages } from '@/locales'
import { codeLabel, roleLabel, summaryLabels, type Lookup } from './codeLabels'

const lookupIn = (m: unknown): Lookup => (key) => {
  const v = key.split('.').reduce<unknown>((o, p) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[p] : undefined), m)
  return typeof v === 'string' ? v : undefined
}
const zh = lookupIn(messages['zh-CN'])
const en = lookupIn(messages.en)

describe('code labels', () => {
  it('name the 三假 findings unmistakably', () => {
    expect(codeLabel(zh, 'false_address', 'confirmed')).toBe('查实为假')
    expect(codeLabel(zh, 'false_name', 'suspected')).toBe('存疑')
    expect(codeLabel(zh, 'false_identity', 'cleared')).toBe('已排除')
    expect(codeLabel(en, 'false_address', 'confirmed')).toBe('Confirmed false')
  })

  it('name risk levels, pick-ups and roles; leave other values alone', () => {
    expect(codeLabel(zh, 'risk_level', 'medium')).toBe('中')
    expect(codeLabel(zh, 'pickup_by', 'family')).toBe('家属及村居代表接回')
    expect(codeLabel(zh, 'role', 'village_cadre')).toBe('村居干部')
    expect(codeLabel(zh, 'place', 'low')).toBe('low')
    expect(codeLabel(zh, 'risk_level', 'unknown')).toBe('unknown')
  })

  it('name every built-in role in both languages', () => {
    for (const code of ['admin', 'district_officer', 'judicial_officer', 'police_officer', 'township_officer', 'village_cadre', 'auditor', 'custody_clerk', 'department_officer']) {
      expect(roleLabel(zh, { code, name: 'x' }), code).not.toBe('x')
      expect(roleLabel(en, { code, name: 'x' }), code).not.toBe('x')
    }
    expect(roleLabel(en, { code: 'judicial_officer', name: '司法所干部' })).toBe('Judicial office officer')
    expect(roleLabel(zh, { code: 'custom', name: '自定义' })).toBe('自定义')
    expect(roleLabel(zh, null)).toBe('')
  })

  it('name the codes in timeline summaries written by the server', () => {
    expect(summaryLabels(zh, '核查反馈:假姓名 cleared,假身份 suspected,假地址 confirmed')).toBe('核查反馈:假姓名 已排除,假身份 存疑,假地址 查实为假')
    expect(summaryLabels(zh, '收到《刑满释放人员通知书》:释放日期 2026-12-27,风险等级 low')).toBe('收到《刑满释放人员通知书》:释放日期 2026-12-27,风险等级 低')
    expect(summaryLabels(zh, '走访:本人在家')).toBe('走访:本人在家')
  })
})
