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
  it('words the help group and plan entries (R_ORG_3, R_ORG_4)', () => {
    expect(render('zh-CN', { code: 'help.member_added', params: { name: '王芳', role: 'family_member', joined_on: '2026-11-20', contact: true } })).toBe('帮教小组新增成员：王芳（家庭成员），2026-11-20 加入，为家庭联系人')
    expect(render('zh-CN', { code: 'help.plan_revised', params: { version: 2, made_on: '2026-11-20', needs: ['work', 'legal_education'] } })).toBe('修订帮教方案（第 2 版，2026-11-20）：就业、法治教育')
    expect(render('en', { code: 'help.member_left', params: { name: 'Wang', role: 'police_officer', left_on: '2026-11-20' } })).toBe('Wang (Police officer) left the help group on 2026-11-20')
  })
  it('picks the variant the parameters ask for', () => {
    expect(render('zh-CN', { code: 'custody.detention', params: { from: '2026-01-01', to: '2026-02-01' } })).toContain('至 2026-02-01')
    expect(render('zh-CN', { code: 'document.registration_form', params: { channel: 'mail', sender: '重庆市永川监狱', custody_date: '2026-01-01', received_on: '2026-01-20', entered_by: '昌元街道司法所' } })).toContain('邮寄收到 重庆市永川监狱')
    expect(render('zh-CN', { code: 'class.key', params: { criteria: ['false_address', 'three_none'] } })).toBe('列为重点帮教对象：假地址、“三无”人员')
  })
  it('words the visit log and the reviews (R-VIS-1, R-LOST-1, R-REV-1, R-CLS-3)', () => {
    expect(render('zh-CN', { code: 'followup.visit', params: { held_on: '2026-11-20', form: 'home_visit', outcome: 'not_found' } })).toBe('走访 2026-11-20（入户走访，未找到本人）')
    // An entry of the short form keeps its free-text form.
    expect(render('zh-CN', { code: 'followup.visit', params: { held_on: '2026-11-20', form: '入户走访', kind: 'visit' } })).toBe('走访 2026-11-20（入户走访）')
    expect(render('zh-CN', { code: 'followup.review', params: { held_on: '2026-11-20', recommendation: 'change' } })).toBe('全面考察 2026-11-20（建议变更类别）')
    expect(render('zh-CN', { code: 'whereabouts.unknown', params: { held_on: '2026-11-20' } })).toContain('行踪不明')
    expect(render('zh-CN', { code: 'class.general', params: { criteria: [], reasons: [], review_id: 4 } })).toBe('依据全面考察转为一般帮教对象')
    expect(render('zh-CN', { code: 'class.key', params: { criteria: ['three_false'], reasons: [{ criterion: 'three_false', factors: [] }], review_id: 4 } })).toBe('列为重点帮教对象：“三假”（全面考察认定）（依据全面考察）')
    expect(render('en', { code: 'followup.visit', params: { held_on: '2026-11-20', form: 'phone', outcome: 'refused' } })).toBe('Visit 2026-11-20 (Phone, Refused)')
  })
  it('words education and publicity entries (R-EDU-1, R-PUB-1)', () => {
    expect(render('zh-CN', { code: 'education.session', params: { kind: 'legal', topic: '宪法宣传', held_on: '2026-11-20' } })).toBe('参加法治教育：宪法宣传（2026-11-20）')
    expect(render('en', { code: 'education.session_absent', params: { kind: 'moral', topic: 'Family', held_on: '2026-11-20' } })).toBe('Listed for moral education but absent: Family (2026-11-20)')
    expect(render('zh-CN', { code: 'publicity.consent', params: { given_on: '2026-11-01', scope: 'public_media' } })).toBe('登记本人同意宣传（2026-11-01，范围：内部宣传和公开媒体）')
  })
  it('words the hardship allowance entries (R-ALW-1..6): unit, day, note, month and yuan', () => {
    expect(render('zh-CN', { code: 'allowance.certified', params: { on: '2026-11-20', by: '玉屏社区' } })).toBe('玉屏社区出具补助金困难证明（2026-11-20）')
    expect(render('zh-CN', { code: 'allowance.verified', params: { on: '2026-11-21', by: '昌元街道司法所', note: '情况属实' } })).toBe('昌元街道司法所核实补助金申请并签署意见（2026-11-21）：情况属实')
    expect(render('zh-CN', { code: 'allowance.approved', params: { on: '2026-11-22', by: '昌元街道', note: '' } })).toBe('昌元街道审批同意过渡性困难生活补助金（2026-11-22）')
    expect(render('zh-CN', { code: 'allowance.approved', params: { on: '2026-11-22', by: '昌元街道', note: '同意' } })).toBe('昌元街道审批同意过渡性困难生活补助金（2026-11-22）：同意')
    expect(render('zh-CN', { code: 'allowance.paid', params: { on: '2026-11-26', by: '昌元街道', month: '2026-11', amount_fen: 74000 } })).toBe('昌元街道发放 2026-11 过渡性困难生活补助金 740.00 元（2026-11-26）')
    expect(render('zh-CN', { code: 'allowance.reversed', params: { on: '2026-11-27', by: '昌元街道', month: '2026-11', amount_fen: -74000, note: '重复发放' } })).toBe('昌元街道冲销 2026-11 补助金 740.00 元（2026-11-27）：重复发放')
    expect(render('zh-CN', { code: 'allowance.household_kind', params: { on: '2026-12-01', kind: 'rural' } })).toBe('户籍类别自 2026-12-01 起为农村')
    expect(render('en', { code: 'allowance.returned', params: { on: '2026-11-21', by: 'Village', note: 'no ID card' } })).toBe('Village returned the allowance application (2026-11-21): no ID card')
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
