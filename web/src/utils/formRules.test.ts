import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { requiredMessage, requiredRule } from './formRules'

describe('required fields', () => {
  it('ask to pick (请选择) what is chosen and to fill in (请填写) what is typed', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(requiredMessage('所属单位', 'change')).toBe('请选择所属单位')
    expect(requiredMessage('姓名', 'blur')).toBe('请填写姓名')
    expect(requiredMessage('姓名')).toBe('请填写姓名')
  })

  it('builds the message when shown, in the current language', () => {
    const rule = requiredRule(() => (i18n.global.locale.value === 'en' ? 'Role' : '角色'), 'change')
    expect(rule).toMatchObject({ required: true, trigger: 'change' })
    const message = rule.message as () => string
    i18n.global.locale.value = 'zh-CN'
    expect(message()).toBe('请选择角色')
    i18n.global.locale.value = 'en'
    expect(message()).toBe('Please choose Role')
    i18n.global.locale.value = 'zh-CN'
  })
})
