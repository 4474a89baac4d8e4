import { describe, expect, it } from 'vitest'
import { canVerify, emptyFamilyMember, emptyRegistrationForm, emptyVerification, factorText, feedbackState, formDataToInput, sortHistory } from './data'

describe('document helpers', () => {
  it('tells the feedback state of a document', () => {
    expect(feedbackState({ kind: 'registration_form', answered_on: '2026-01-10', feedback_overdue: true })).toBe('answered')
    expect(feedbackState({ kind: 'registration_form', answered_on: null, feedback_overdue: true })).toBe('overdue')
    expect(feedbackState({ kind: 'registration_form', answered_on: null, feedback_overdue: false })).toBe('pending')
    expect(feedbackState({ kind: 'registration_form', answered_on: null })).toBe('pending')
    expect(feedbackState({ kind: 'verification_feedback', answered_on: null })).toBe('none')
  })

  it('offers the verification only for unanswered registration forms', () => {
    expect(canVerify({ kind: 'registration_form', answered_on: null })).toBe(true)
    expect(canVerify({ kind: 'registration_form', answered_on: '2026-01-01' })).toBe(false)
    expect(canVerify({ kind: 'verification_feedback', answered_on: null })).toBe(false)
  })

  it('trims the form and drops family rows without a name', () => {
    const f = emptyRegistrationForm()
    f.occupation = ' 务农 '
    f.family_members = [{ ...emptyFamilyMember(), name: ' 张三 ', relation: '父亲', can_support: true }, emptyFamilyMember()]
    const out = formDataToInput(f)
    expect(out.occupation).toBe('务农')
    expect(out.family_members).toEqual([{ name: '张三', relation: '父亲', phone: '', address: '', can_support: true }])
  })

  it('starts a verification with nothing found, dated today', () => {
    const v = emptyVerification('2026-03-01')
    expect([v.false_name, v.false_identity, v.false_address]).toEqual(['cleared', 'cleared', 'cleared'])
    expect(v.sent_on).toBe('2026-03-01')
  })

  it('reads 三无 factors and orders the class history', () => {
    expect(factorText('无家可归')).toBe('无家可归')
    expect(factorText({ text: '无业可就' })).toBe('无业可就')
    expect(sortHistory([{ from_date: '2026-01-01' }, { from_date: '2026-03-01' }]).map((h) => h.from_date)).toEqual(['2026-03-01', '2026-01-01'])
  })
})
