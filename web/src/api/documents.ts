// Linkage documents (衔接文书): the 基本情况登记表 sent by a detention centre or prison (R-LNK-1),
// the inbox/sent boxes, and the judicial office's verification feedback with the 三假 findings
// (R-LNK-2), which reclassifies the person at once (R-CLS-3). api/openapi.yaml: /documents,
// /documents/registration-forms, /documents/{id}/verification.
import { http } from './http'
import type { CivilDate, PageOf, UnitRef } from './types'
import type { PersonInput } from './persons'

export type DocumentKind = 'registration_form' | 'verification_feedback' | 'release_notice' | 'reception_arrangement'
export const DOCUMENT_KINDS: DocumentKind[] = ['registration_form', 'verification_feedback', 'release_notice', 'reception_arrangement']

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
}

export interface LinkageDocument {
  id: number
  kind: DocumentKind | string
  person_id: number
  person_name: string
  sender: UnitRef
  receiver: UnitRef
  channel: string
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

export const documentsApi = {
  list: (q: DocumentQuery) => http.get<PageOf<LinkageDocument>>('/documents', { ...q }),
  sendRegistrationForm: (body: RegistrationFormInput) => http.post<LinkageDocument>('/documents/registration-forms', body),
  verify: (id: number, body: VerificationInput) => http.post<LinkageDocument>(`/documents/${id}/verification`, body),
}
