// Linkage documents (衔接文书): the 基本情况登记表 sent by a detention centre or prison (R-LNK-1),
// the inbox/sent boxes, and the judicial office's verification feedback with the 三假 findings
// (R-LNK-2), which reclassifies the person at once (R-CLS-3); paper documents received by mail are
// entered by the judicial office (channel mail). api/openapi.yaml: /documents,
// /documents/registration-forms, /documents/{id}/verification, /documents/release-notices,
// /documents/{id}/reception.
import { http } from './http'
import type { CivilDate, PageOf, UnitRef } from './types'
import type { PersonInput } from './persons'

export type DocumentKind = 'registration_form' | 'verification_feedback' | 'release_notice' | 'reception_arrangement' | 'family_change' | 'family_help'
/** The kinds a box is filtered by (family_help stays with its report). */
export const DOCUMENT_KINDS: DocumentKind[] = ['registration_form', 'verification_feedback', 'release_notice', 'reception_arrangement', 'family_change']

/** 系统 (sent through the system) or 邮寄 (a paper document entered by the receiving judicial office). */
export type Channel = 'electronic' | 'mail'

/**
 * A paper document received by mail and entered by the judicial office (document:verify, R-LNK-1
 * "or by mail"): the sender is a custody unit of the system or, by name, one outside it.
 */
export interface MailReceipt {
  channel: 'mail'
  sender_unit_id?: number
  sender_name?: string
  /** Postmark date, optional. */
  sent_on?: CivilDate
  /** The day the office received it; the R-LNK-2 month runs from it. */
  received_on: CivilDate
}

export type DocumentBox = 'inbox' | 'sent'

/** A family member on the registration form. */
export interface FamilyMember {
  name: string
  relation: string
  phone: string
  address: string
  can_support: boolean
}

/** The extra fields of the 基本情况登记表 (besides the person's file fields). */
export interface RegistrationFormData {
  occupation: string
  marital_status: string
  prior_convictions: string
  skills: string
  health: string
  family_members: FamilyMember[]
  family_changes: string
  minor_children: string
}

/** Body of POST /documents/registration-forms. release_kind may be left out (the sender's kind). */
export interface RegistrationFormInput {
  person: Omit<PersonInput, 'release_kind' | 'version'> & { release_kind?: PersonInput['release_kind'] }
  /** 收押日期 (YYYY-MM-DD). */
  received_into_custody: CivilDate
  form: RegistrationFormData
}

/** A 三假 finding: 属实 / 存疑 / 排除. */
export type Finding = 'confirmed' | 'suspected' | 'cleared'
export const FINDINGS: Finding[] = ['confirmed', 'suspected', 'cleared']
export type ThreeFalse = 'false_name' | 'false_identity' | 'false_address'
export const THREE_FALSE: ThreeFalse[] = ['false_name', 'false_identity', 'false_address']

/** Body of POST /documents/{id}/verification. */
export interface VerificationInput {
  false_name: Finding
  false_identity: Finding
  false_address: Finding
  family_situation: string
  children_situation: string
  verifying_officer: string
  sent_on: CivilDate
  /** R-CLS-2 三无 factors found by the verification. */
  no_home?: boolean
  no_job?: boolean
  no_relatives?: boolean
}

export interface LinkageDocument {
  id: number
  kind: DocumentKind | string
  person_id: number
  person_name: string
  /** null for a mailed document from outside the system (its name is in data.sender_name). */
  sender: UnitRef | null
  receiver: UnitRef
  channel: Channel | string
  replies_to: number | null
  /** For a registration form: received into custody. */
  event_date: CivilDate | null
  sent_on: CivilDate
  received_on: CivilDate | null
  /** Date of the first reply, null while unanswered. */
  answered_on: CivilDate | null
  /** The form fields or the findings. */
  data: Record<string, unknown>
  /** Registration forms: verification feedback owed within 1 month of receipt. */
  feedback_due?: CivilDate | null
  feedback_overdue?: boolean
}

export interface DocumentQuery {
  box: DocumentBox
  kind?: DocumentKind | ''
  page?: number
  page_size?: number
}

export type RiskLevel = 'high' | 'medium' | 'low'
export const RISK_LEVELS: RiskLevel[] = ['high', 'medium', 'low']
export type SuggestionKey = 'housing' | 'work' | 'medical' | 'living'
export const SUGGESTION_KEYS: SuggestionKey[] = ['housing', 'work', 'medical', 'living']

/** Body of POST /documents/release-notices (刑满释放人员通知书, R-LNK-4). */
export interface ReleaseNoticeInput {
  /** The registration form this custody unit sent for the person. */
  form_id: number
  release_date: CivilDate
  place: string
  conduct: string
  officer: string
  risk_level: RiskLevel
  reoffending_tendency: boolean
  risk_factors: string[]
  suggestions: Record<SuggestionKey, boolean>
}

export type PickupBy = 'township_team' | 'family'
export const PICKUP_BY: PickupBy[] = ['township_team', 'family']

/** Body of POST /documents/{id}/reception (接收安排, R-LNK-4). */
export interface ReceptionInput {
  pickup_by: PickupBy
  planned_date: CivilDate
  contact: string
  contact_phone: string
  sent_on: CivilDate
}

export const documentsApi = {
  list: (q: DocumentQuery) => http.get<PageOf<LinkageDocument>>('/documents', { ...q }),
  sendRegistrationForm: (body: RegistrationFormInput) => http.post<LinkageDocument>('/documents/registration-forms', body),
  verify: (id: number, body: VerificationInput) => http.post<LinkageDocument>(`/documents/${id}/verification`, body),
  sendReleaseNotice: (body: ReleaseNoticeInput) => http.post<LinkageDocument>('/documents/release-notices', body),
  /** The judicial office enters a paper form received by mail. */
  enterRegistrationForm: (body: RegistrationFormInput & MailReceipt) => http.post<LinkageDocument>('/documents/registration-forms', body),
  /** The judicial office enters a paper release notice received by mail (the sender defaults to the form's). */
  enterReleaseNotice: (body: ReleaseNoticeInput & MailReceipt) => http.post<LinkageDocument>('/documents/release-notices', body),
  reception: (id: number, body: ReceptionInput) => http.post<LinkageDocument>(`/documents/${id}/reception`, body),
}
