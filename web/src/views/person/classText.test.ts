// R-CLS-1..3: classification reasons travel as codes and are worded here, zh-CN with Chinese
// punctuation and no English, English without Chinese; old history rows keep their text.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import { CHINESE, asciiPunctuationInChinese } from '@/locales/punctuation'
import { classChangeText, classReasonText, factorText } from './classText'
import { timelineText } from './timelineText'

function i18n(locale: 'zh-CN' | 'en') {
  const g = createI18n({ legacy: false, locale, messages }).global
  return { t: g.t as never, te: g.te as never }
}

const ALL = [
  { criterion: 'reoffending_tendency' },
  { criterion: 'false_name', finding: 'suspected' },
  { criterion: 'false_identity', finding: 'confirmed' },
  { criterion: 'false_address', finding: 'confirmed' },
  { criterion: 'three_none', factors: ['no_home', 'no_job', 'no_relatives'] },
  { criterion: 'national_security' },
]

describe('R_CLS_1 reasons as words', () => {
  it('in zh-CN', () => {
    const { t, te } = i18n('zh-CN')
    expect(classReasonText(t, te, { criterion: 'false_address', finding: 'confirmed' })).toBe('“三假”：假地址（已确认）')
    expect(classReasonText(t, te, { criterion: 'three_none', factors: ['no_home', 'no_job'] })).toBe('“三无”：无家可归、无业可就')
    expect(factorText(t, te, 'no_relatives')).toBe('无亲可投')
    for (const r of ALL) {
      const s = classReasonText(t, te, r)
      expect(asciiPunctuationInChinese(s), s).toEqual([])
      expect(s, s).not.toMatch(/[A-Za-z]/)
    }
  })
  it('in English', () => {
    const { t, te } = i18n('en')
    expect(classReasonText(t, te, { criterion: 'false_address', finding: 'confirmed' })).toBe('"three falses": false address (confirmed)')
    for (const r of ALL) expect(CHINESE.test(classReasonText(t, te, r))).toBe(false)
  })
})

describe('R_CLS_3 a change of class and its reasons', () => {
  it('words coded history rows and keeps older rows as they are', () => {
    const { t, te } = i18n('zh-CN')
    const reasons = [{ criterion: 'false_address', finding: 'confirmed' }, { criterion: 'reoffending_tendency' }]
    expect(classChangeText(t, te, { key: true, code: 'class.key', reasons })).toBe('列为重点帮教对象：“三假”：假地址（已确认）；有明显重新违法犯罪倾向')
    expect(classChangeText(t, te, { key: false, code: 'class.general', reasons: [reasons[0]] })).toBe('转为一般帮教对象：不再符合“三假”：假地址（已确认）')
    expect(classChangeText(t, te, { key: false, code: 'class.general', reasons: [] })).toBe('转为一般帮教对象')
    expect(classChangeText(t, te, { key: true, code: null, reasons: [], reason: '列为重点帮教对象:“三假”:假地址(已确认)' })).toBe('列为重点帮教对象:“三假”:假地址(已确认)')
    const en = i18n('en')
    const s = classChangeText(en.t, en.te, { key: true, code: 'class.key', reasons: ALL })
    expect(CHINESE.test(s), s).toBe(false)
  })
  it('renders reclassification timeline entries with their reasons, older entries by their criteria', () => {
    const { t, te } = i18n('zh-CN')
    const coded = { code: 'class.key', params: { criteria: ['false_address'], reasons: [{ criterion: 'false_address', finding: 'confirmed', factors: [] }] } }
    expect(timelineText(t, te, coded)).toBe('列为重点帮教对象：“三假”：假地址（已确认）')
    expect(timelineText(t, te, { code: 'class.key', params: { criteria: ['false_address', 'three_none'] } })).toBe('列为重点帮教对象：假地址、“三无”人员')
    expect(timelineText(t, te, { code: 'class.general', params: { criteria: ['false_address'], reasons: coded.params.reasons } })).toBe('转为一般帮教对象：不再符合“三假”：假地址（已确认）')
    expect(timelineText(t, te, { code: 'class.general', params: { criteria: [] } })).toBe('转为一般帮教对象')
    const en = i18n('en')
    expect(timelineText(en.t, en.te, coded)).toBe('Classified as key subject: "three falses": false address (confirmed)')
  })
})
