// Pure helpers of the linkage-document pages (发送登记表, 已发送, 收件箱) and the classification view.
import type { FamilyMember, Finding, LinkageDocument, RegistrationFormData, VerificationInput } from '@/api/documents'
import type { CivilDate } from '@/api/types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** Where a document stands as to its reply: answered, overdue (registration form past its feedback due date), pending, or not awaiting one. */
export type FeedbackState = 'answered' | 'overdue' | 'pending' | 'none'

/** Only registration forms owe a reply (verification feedback within a month of receipt). */
export function feedbackState(d: Pick<LinkageDocument, 'kind' | 'answered_on' | 'feedback_overdue'>): FeedbackState {
  if (d.answered_on) return 'answered'
  if (d.kind !== 'registration_form') return 'none'
  return d.feedback_overdue ? 'overdue' : 'pending'
}

export const FEEDBACK_TAG: Record<FeedbackState, TagType> = { answered: 'success', overdue: 'danger', pending: 'warning', none: 'info' }

/** True when the inbox row can still be answered with a 核查反馈 (an unanswered registration form). */
export function canVerify(d: Pick<LinkageDocument, 'kind' | 'answered_on'>): boolean {
  return d.kind === 'registration_form' && !d.answered_on
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
  }
}

export const FINDING_TAG: Record<Finding, TagType> = { confirmed: 'danger', suspected: 'warning', cleared: 'success' }

/** Text of a 三无 factor as the server sends it (a string or an object with text). */
export function factorText(f: string | { text?: string; factor?: string }): string {
  return typeof f === 'string' ? f : (f.text ?? f.factor ?? '')
}

/** Class history, most recent first. */
export function sortHistory<T extends { from_date: string }>(h: readonly T[]): T[] {
  return [...h].sort((a, b) => b.from_date.localeCompare(a.from_date))
}
