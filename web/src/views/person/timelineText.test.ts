import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import { timelineText } from './timelineText'

function render(locale: 'zh-CN' | 'en', e: Parameters<typeof timelineText>[2]) {
  const i18n = createI18n({ legacy: false, locale, messages })
  const { t, te } = i18n.global
  return timelineText(t as never, te as never, e)
}

describe('timeline entries travel as codes', () => {
  it('renders findings and risk levels as words, never as codes', () => {
    const v = render('zh-CN', { code: 'document.verification', params: { false_name: 'cleared', false_identity: 'suspected', false_address: 'confirmed' } })
    expect(v).toBe('核查反馈：假姓名已排除，假身份存疑，假地址查实为假')
    expect(v).not.toMatch(/[a-z]/)
    expect(render('zh-CN', { code: 'document.release_notice', params: { release_date: '2026-12-01', risk_level: 'medium' } })).toContain('风险等级中')
    expect(render('en', { code: 'document.release_notice', params: { release_date: '2026-12-01', risk_level: 'medium' } })).toContain('risk medium')
  })
  it('picks the variant the parameters ask for', () => {
    expect(render('zh-CN', { code: 'custody.detention', params: { from: '2026-01-01', to: '2026-02-01' } })).toContain('至 2026-02-01')
    expect(render('zh-CN', { code: 'document.registration_form', params: { channel: 'mail', sender: '重庆市永川监狱', custody_date: '2026-01-01', received_on: '2026-01-20', entered_by: '昌元街道司法所' } })).toContain('邮寄收到 重庆市永川监狱')
    expect(render('zh-CN', { code: 'class.key', params: { criteria: ['false_address', 'three_none'] } })).toBe('列为重点帮教对象：假地址、“三无”人员')
  })
  it('words education and publicity entries (R-EDU-1, R-PUB-1)', () => {
    expect(render('zh-CN', { code: 'education.session', params: { kind: 'legal', topic: '宪法宣传', held_on: '2026-11-20' } })).toBe('参加法治教育：宪法宣传（2026-11-20）')
    expect(render('en', { code: 'education.session_absent', params: { kind: 'moral', topic: 'Family', held_on: '2026-11-20' } })).toBe('Listed for moral education but absent: Family (2026-11-20)')
    expect(render('zh-CN', { code: 'publicity.consent', params: { given_on: '2026-11-01', scope: 'public_media' } })).toBe('登记本人同意宣传（2026-11-01，范围：内部宣传和公开媒体）')
  })
  it('keeps the text of older entries and names an unknown code', () => {
    expect(render('zh-CN', { code: '', summary: '建立档案' })).toBe('建立档案')
    expect(render('en', { code: 'nothing.like.this', params: {} })).toBe('(entry of kind nothing.like.this)')
  })
  it('has every message in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    expect(keys(messages.en.timeline).sort()).toEqual(keys(messages['zh-CN'].timeline).sort())
  })
})
