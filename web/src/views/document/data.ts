// Pure helpers of the linkage-document pages (发送登记表, 已发送, 收件箱) and the classification view.
import type { FamilyMember, Finding, LinkageDocument, ReceptionInput, RegistrationFormData, ReleaseNoticeInput, VerificationInput } from '@/api/documents'
import type { CivilDate } from '@/api/types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** Where a document stands as to its reply: answered, overdue (past its feedback due date), pending, or not awaiting one. */
export type FeedbackState = 'answered' | 'overdue' | 'pending' | 'none'

/** Registration forms owe a reply (verification feedback within a month of receipt), release notices a reception arrangement. */
export function feedbackState(d: Pick<LinkageDocument, 'kind' | 'answered_on' | 'feedback_overdue'>): FeedbackState {
  if (d.answered_on) return 'answered'
  if (d.kind !== 'registration_form' && d.kind !== 'release_notice') return 'none'
  return d.feedback_overdue ? 'overdue' : 'pending'
}

export const FEEDBACK_TAG: Record<FeedbackState, TagType> = { answered: 'success', overdue: 'danger', pending: 'warning', none: 'info' }

/** Kinds of the custody units that send forms and notices. */
export const CUSTODY_UNIT_KINDS: string[] = ['detention_centre', 'prison']

/** True for a paper document received by mail and entered by the judicial office. */
export function isMailed(d: Pick<LinkageDocument, 'channel'>): boolean {
  return d.channel === 'mail'
}

/** The sender as shown: the unit of the system, else the name a mailed document carries. */
export function senderName(d: Pick<LinkageDocument, 'sender' | 'data'>): string {
  const name = d.data?.sender_name
  return d.sender?.name ?? (typeof name === 'string' ? name : '')
}

/** What a family-change report or its help says, shown under the kind in the boxes (R-LNK-3). */
export function documentGist(d: Pick<LinkageDocument, 'kind' | 'data'>): string {
  const v = d.kind === 'family_change' ? d.data?.summary : d.kind === 'family_help' ? d.data?.help : undefined
  return typeof v === 'string' ? v : ''
}

type T = (key: string, params?: Record<string, unknown>) => string
type Te = (key: string) => boolean

/**
 * What a document says, in words (the document's detail): the 三假 findings of a verification, the
 * release date and risk of a notice, who picks up and when for an arrangement; else its gist.
 */
export function documentSummary(t: T, te: Te, d: Pick<LinkageDocument, 'kind' | 'data'>): string {
  const data = (d.data ?? {}) as Record<string, unknown>
  const word = (group: string, v: unknown) => (te(`${group}.${String(v)}`) ? t(`${group}.${String(v)}`) : String(v ?? ''))
  switch (d.kind) {
    case 'verification_feedback':
      return t('document.summary.verification', {
        false_name: word('document.verify.finding', data.false_name),
        false_identity: word('document.verify.finding', data.false_identity),
        false_address: word('document.verify.finding', data.false_address),
      })
    case 'release_notice':
      return t('document.summary.release', { release_date: String(data.release_date ?? ''), risk_level: word('document.release.risk', data.risk_level) })
    case 'reception_arrangement':
      return t('document.summary.reception', { pickup_by: word('document.reception.by', data.pickup_by), planned_date: String(data.planned_date ?? '') })
    default:
      return documentGist(d)
  }
}

/** The locale key of an answered row: a family-change report is answered by the help given. */
export function answeredKey(kind: string): string {
  return kind === 'family_change' ? 'family.helpedOn' : 'document.feedback.answeredOn'
}

/** True when the inbox row can still be answered with a 核查反馈 (an unanswered registration form). */
export function canVerify(d: Pick<LinkageDocument, 'kind' | 'answered_on'>): boolean {
  return d.kind === 'registration_form' && !d.answered_on
}

/** A form for a person already released: a report of new custody the household office confirms (R-PER-1). */
export function isCustodyReport(d: Pick<LinkageDocument, 'kind' | 'data'>): boolean {
  return d.kind === 'registration_form' && (d.data as Record<string, unknown>)?.new_custody === true
}

export function emptyFamilyMember(): FamilyMember {
  return { name: '', relation: '', phone: '', address: '', can_support: false }
}

export function emptyRegistrationForm(): RegistrationFormData {
  return {
    occupation: '',
    marital_status: '',
    prior_convictions: '',
    skills: '',
    health: '',
    family_members: [],
    family_changes: '',
    minor_children: '',
  }
}

/** The form part of the request body: text trimmed, family rows without a name dropped. */
export function formDataToInput(f: RegistrationFormData): RegistrationFormData {
  return {
    occupation: f.occupation.trim(),
    marital_status: f.marital_status.trim(),
    prior_convictions: f.prior_convictions.trim(),
    skills: f.skills.trim(),
    health: f.health.trim(),
    family_members: f.family_members
      .map((m) => ({ name: m.name.trim(), relation: m.relation.trim(), phone: m.phone.trim(), address: m.address.trim(), can_support: !!m.can_support }))
      .filter((m) => m.name !== ''),
    family_changes: f.family_changes.trim(),
    minor_children: f.minor_children.trim(),
  }
}

/**
 * Where a server error of a registration form belongs in the page's el-form model { person, extra,
 * custody, own }: `own` maps the page's own fields; '' when it names no field.
 */
export function registrationErrorProp(code: string, field: string, own: Record<string, string> = {}): string {
  const f = field || (code === 'RELEASE_BEFORE_CUSTODY' ? 'release_date' : '')
  if (!f) return ''
  if (own[f]) return own[f]
  if (f === 'received_into_custody') return 'custody.received_into_custody'
  if (f.startsWith('form.')) return `extra.${f.slice(5)}`
  if (f.startsWith('person.')) return f
  return `person.${f}`
}

/** A fresh verification form: nothing found yet (排除) on all three, dated `today`. */
export function emptyVerification(today: CivilDate): VerificationInput {
  return {
    false_name: 'cleared',
    false_identity: 'cleared',
    false_address: 'cleared',
    family_situation: '',
    children_situation: '',
    verifying_officer: '',
    sent_on: today,
    no_home: false,
    no_job: false,
    no_relatives: false,
  }
}

/** R-CLS-2: the three 三无 factors, in the order of the policy text. */
export const THREE_NONE = ['no_home', 'no_job', 'no_relatives'] as const

export const FINDING_TAG: Record<Finding, TagType> = { confirmed: 'danger', suspected: 'warning', cleared: 'success' }


/** Class history, most recent first. */
export function sortHistory<T extends { from_date: string }>(h: readonly T[]): T[] {
  return [...h].sort((a, b) => b.from_date.localeCompare(a.from_date))
}

/**
 * True when a registration form can be followed by a 释放通知书 — none has been sent for the person
 * since the form: in 已发送 the custody unit sends it, in 收件箱 the judicial office enters one
 * received by mail. (A sent notice is corrected from its own row.)
 */
export function canSendReleaseNotice(d: Pick<LinkageDocument, 'kind' | 'release_notice_sent_on'>): boolean {
  return d.kind === 'registration_form' && !d.release_notice_sent_on
}

/** True for a registration form: a family change during the sentence can be reported on it (R-LNK-3). */
export function canReportFamilyChange(d: Pick<LinkageDocument, 'kind'>): boolean {
  return d.kind === 'registration_form'
}

/** True when the inbox row is a release notice still awaiting the reception arrangement (and not replaced by a correction). */
export function canAnswerReception(d: Pick<LinkageDocument, 'kind' | 'answered_on'> & { superseded_by?: number | null }): boolean {
  return d.kind === 'release_notice' && !d.answered_on && !d.superseded_by
}

/** R-LNK-4: the sender may correct a release notice it sent that no correction has replaced yet. */
export function canCorrectReleaseNotice(d: Pick<LinkageDocument, 'kind' | 'superseded_by'>): boolean {
  return d.kind === 'release_notice' && !d.superseded_by
}

/** The notice's fields as its correction starts from them (the form as it was sent). */
export function releaseNoticeFromDoc(d: Pick<LinkageDocument, 'data' | 'event_date'>): ReleaseNoticeInput {
  const data = (d.data ?? {}) as Record<string, unknown>
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : '')
  const base = emptyReleaseNotice(0, str('release_date') || (d.event_date ?? ''))
  const risk = str('risk_level')
  const sugg = (data.suggestions ?? {}) as Record<string, unknown>
  return {
    ...base,
    place: str('place'),
    conduct: str('conduct'),
    officer: str('officer'),
    risk_level: risk === 'high' || risk === 'medium' || risk === 'low' ? risk : 'low',
    reoffending_tendency: data.reoffending_tendency === true,
    risk_factors: Array.isArray(data.risk_factors) ? data.risk_factors.filter((x): x is string => typeof x === 'string') : [],
    suggestions: { housing: sugg.housing === true, work: sugg.work === true, medical: sugg.medical === true, living: sugg.living === true },
  }
}

/** A fresh release notice for registration form `formId`; the release date defaults to the file's expected one. */
export function emptyReleaseNotice(formId: number, releaseDate: CivilDate = ''): ReleaseNoticeInput {
  return {
    form_id: formId,
    release_date: releaseDate,
    place: '',
    conduct: '',
    officer: '',
    risk_level: 'low',
    reoffending_tendency: false,
    risk_factors: [],
    suggestions: { housing: false, work: false, medical: false, living: false },
  }
}

/** Risk factors as sent: trimmed, empty ones and repeats dropped, in the order typed. */
export function normalizeFactors(factors: readonly string[]): string[] {
  const out: string[] = []
  for (const f of factors) {
    const v = f.trim()
    if (v && !out.includes(v)) out.push(v)
  }
  return out
}

/** The release-notice body: text trimmed, factors normalized. */
export function releaseNoticeToInput(f: ReleaseNoticeInput): ReleaseNoticeInput {
  return {
    ...f,
    place: f.place.trim(),
    conduct: f.conduct.trim(),
    officer: f.officer.trim(),
    risk_factors: normalizeFactors(f.risk_factors),
    suggestions: { ...f.suggestions },
  }
}

/** A fresh reception arrangement dated `today`, picked up by the township team. */
export function emptyReception(today: CivilDate): ReceptionInput {
  return { pickup_by: 'township_team', planned_date: '', contact: '', contact_phone: '', sent_on: today }
}

/** The label keys (document.send.*) of the registration form's own fields, in the form's order. */
export const FORM_FIELDS: ReadonlyArray<[string, string]> = [
  ['occupation', 'occupation'],
  ['marital_status', 'maritalStatus'],
  ['prior_convictions', 'priorConvictions'],
  ['skills', 'skills'],
  ['health', 'health'],
  ['family_changes', 'familyChanges'],
  ['minor_children', 'minorChildren'],
]

/**
 * What the verification is checked against (R-LNK-2): the form's own fields that were filled in, in
 * the form's order, and its family members as “name（relation）”. Shown beside the 三假 findings.
 */
export function formContent(data: Record<string, unknown> | null | undefined): { fields: Array<{ key: string; label: string; value: string }>; members: string[] } {
  const d = data ?? {}
  const fields = FORM_FIELDS.flatMap(([key, label]) => {
    const v = d[key]
    return typeof v === 'string' && v.trim() ? [{ key, label, value: v.trim() }] : []
  })
  const list = Array.isArray(d.family_members) ? (d.family_members as Array<Record<string, unknown>>) : []
  const members = list
    .filter((m) => typeof m?.name === 'string' && (m.name as string).trim())
    .map((m) => (typeof m.relation === 'string' && m.relation.trim() ? `${m.name}（${m.relation}）` : String(m.name)))
  return { fields, members }
}
