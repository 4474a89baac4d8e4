import { describe, expect, it } from 'vitest'
import { canAnswerReception, canSendReleaseNotice, canVerify, emptyFamilyMember, emptyReception, emptyRegistrationForm, emptyReleaseNotice, emptyVerification, factorText, feedbackState, formDataToInput, normalizeFactors, releaseNoticeToInput, sortHistory } from './data'

describe('document helpers', () => {
  it('tells the feedback state of a document', () => {
    expect(feedbackState({ kind: 'registration_form', answered_on: '2026-01-10', feedback_overdue: true })).toBe('answered')
    expect(feedbackState({ kind: 'registration_form', answered_on: null, feedback_overdue: true })).toBe('overdue')
    expect(feedbackState({ kind: 'registration_form', answered_on: null, feedback_overdue: false })).toBe('pending')
    expect(feedbackState({ kind: 'registration_form', answered_on: null })).toBe('pending')
    expect(feedbackState({ kind: 'verification_feedback', answered_on: null })).toBe('none')
    expect(feedbackState({ kind: 'release_notice', answered_on: null })).toBe('pending')
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

describe('release notice and reception helpers', () => {
  it('offers the release notice on registration forms and the reception on unanswered notices', () => {
    expect(canSendReleaseNotice({ kind: 'registration_form' })).toBe(true)
    expect(canSendReleaseNotice({ kind: 'release_notice' })).toBe(false)
    expect(canAnswerReception({ kind: 'release_notice', answered_on: null })).toBe(true)
    expect(canAnswerReception({ kind: 'release_notice', answered_on: '2026-05-01' })).toBe(false)
    expect(canAnswerReception({ kind: 'registration_form', answered_on: null })).toBe(false)
  })

  it('normalizes risk factors', () => {
    expect(normalizeFactors([' 无固定住所 ', '', '无业', '无固定住所'])).toEqual(['无固定住所', '无业'])
  })

  it('builds the release notice body', () => {
    const f = { ...emptyReleaseNotice(7, '2026-06-01'), place: ' 荣昌区看守所 ', officer: ' 张三 ', risk_factors: ['a', ' a'] }
    const b = releaseNoticeToInput(f)
    expect(b.form_id).toBe(7)
    expect(b.release_date).toBe('2026-06-01')
    expect(b.place).toBe('荣昌区看守所')
    expect(b.officer).toBe('张三')
    expect(b.risk_factors).toEqual(['a'])
    expect(b.risk_level).toBe('low')
    expect(b.suggestions).toEqual({ housing: false, work: false, medical: false, living: false })
  })

  it('starts a reception arrangement with the township team, dated today', () => {
    expect(emptyReception('2026-05-02')).toEqual({ pickup_by: 'township_team', planned_date: '', contact: '', contact_phone: '', sent_on: '2026-05-02' })
  })
})
