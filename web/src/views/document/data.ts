// Pure helpers of the linkage-document pages (发送登记表, 已发送, 收件箱) and the classification view.
import type { FamilyMember, Finding, LinkageDocument, ReceptionInput, RegistrationFormData, ReleaseNoticeInput, VerificationInput } from '@/api/documents'
import type { CivilDate } from '@/api/types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** Where a document stands as to its reply: answered, overdue (registration form past its feedback due date), pending, or not awaiting one. */
export type FeedbackState = 'answered' | 'overdue' | 'pending' | 'none'

/** Registration forms owe a reply (verification feedback within a month of receipt), release notices a reception arrangement. */
export function feedbackState(d: Pick<LinkageDocument, 'kind' | 'answered_on' | 'feedback_overdue'>): FeedbackState {
  if (d.answered_on) return 'answered'
  if (d.kind === 'release_notice') return 'pending'
  if (d.kind !== 'registration_form') return 'none'
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
 * True when a registration form can be followed by a 释放通知书: in 已发送 the custody unit sends it,
 * in 收件箱 the judicial office enters one received by mail.
 */
export function canSendReleaseNotice(d: Pick<LinkageDocument, 'kind'>): boolean {
  return d.kind === 'registration_form'
}

/** True when the inbox row is a release notice still awaiting the reception arrangement. */
export function canAnswerReception(d: Pick<LinkageDocument, 'kind' | 'answered_on'>): boolean {
  return d.kind === 'release_notice' && !d.answered_on
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
