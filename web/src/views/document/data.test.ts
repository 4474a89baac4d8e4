import { describe, expect, it } from 'vitest'
import { canAnswerReception, canReportFamilyChange, canSendReleaseNotice, canVerify, emptyFamilyMember, emptyReception, emptyRegistrationForm, emptyReleaseNotice, emptyVerification, feedbackState, formDataToInput, isMailed, documentGist, answeredKey, normalizeFactors, registrationErrorProp, releaseNoticeToInput, senderName, sortHistory } from './data'

describe('document helpers', () => {
  it('tells the feedback state of a document', () => {
    expect(feedbackState({ kind: 'registration_form', answered_on: '2026-01-10', feedback_overdue: true })).toBe('answered')
    expect(feedbackState({ kind: 'registration_form', answered_on: null, feedback_overdue: true })).toBe('overdue')
    expect(feedbackState({ kind: 'registration_form', answered_on: null, feedback_overdue: false })).toBe('pending')
    expect(feedbackState({ kind: 'registration_form', answered_on: null })).toBe('pending')
    expect(feedbackState({ kind: 'verification_feedback', answered_on: null })).toBe('none')
    expect(feedbackState({ kind: 'release_notice', answered_on: null })).toBe('pending')
    expect(feedbackState({ kind: 'release_notice', answered_on: null, feedback_overdue: true })).toBe('overdue')
    expect(feedbackState({ kind: 'release_notice', answered_on: '2026-01-10', feedback_overdue: true })).toBe('answered')
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

  it('orders the class history', () => {
    expect(sortHistory([{ from_date: '2026-01-01' }, { from_date: '2026-03-01' }]).map((h) => h.from_date)).toEqual(['2026-03-01', '2026-01-01'])
  })
})

describe('release notice and reception helpers', () => {
  it('offers the release notice on registration forms and the reception on unanswered notices', () => {
    expect(canSendReleaseNotice({ kind: 'registration_form' })).toBe(true)
    expect(canSendReleaseNotice({ kind: 'release_notice' })).toBe(false)
    expect(canSendReleaseNotice({ kind: 'registration_form', release_notice_sent_on: '2026-11-02' })).toBe(false)
    expect(canReportFamilyChange({ kind: 'registration_form' })).toBe(true)
    expect(canReportFamilyChange({ kind: 'release_notice' })).toBe(false)
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

  it('places a registration form error under its field (R-LNK-1, also by mail)', () => {
    const own = { sender_name: 'own.sender_name', received_on: 'own.received_on' }
    expect(registrationErrorProp('FIELD_REQUIRED', 'sender_name', own)).toBe('own.sender_name')
    expect(registrationErrorProp('DATE_ORDER', 'received_into_custody', own)).toBe('custody.received_into_custody')
    expect(registrationErrorProp('FIELD_TOO_LONG', 'form.health')).toBe('extra.health')
    expect(registrationErrorProp('ID_NUMBER_CHECKSUM', 'person.id_number')).toBe('person.id_number')
    expect(registrationErrorProp('HOUSEHOLD_OUT_OF_SCOPE', 'household_unit_id')).toBe('person.household_unit_id')
    expect(registrationErrorProp('RELEASE_BEFORE_CUSTODY', '')).toBe('person.release_date')
    expect(registrationErrorProp('PERMISSION_DENIED', '')).toBe('')
  })

  it('names the sender of a mailed document from outside the system (R-LNK-1 by mail)', () => {
    const unit = { id: 65, name: '荣昌区看守所', kind: 'detention_centre' as const }
    expect(senderName({ sender: null, data: { sender_name: '重庆市永川监狱' } })).toBe('重庆市永川监狱')
    expect(senderName({ sender: unit, data: { sender_name: '荣昌区看守所' } })).toBe('荣昌区看守所')
    expect(senderName({ sender: null, data: {} })).toBe('')
    expect(isMailed({ channel: 'mail' })).toBe(true)
    expect(isMailed({ channel: 'electronic' })).toBe(false)
  })

  it('shows what a family change or its help says, and the help as its answer (R-LNK-3)', () => {
    expect(documentGist({ kind: 'family_change', data: { summary: '其妻病故' } })).toBe('其妻病故')
    expect(documentGist({ kind: 'family_help', data: { help: '落实临时监护' } })).toBe('落实临时监护')
    expect(documentGist({ kind: 'registration_form', data: { summary: 'x' } })).toBe('')
    expect(answeredKey('family_change')).toBe('family.helpedOn')
    expect(answeredKey('registration_form')).toBe('document.feedback.answeredOn')
  })
})
