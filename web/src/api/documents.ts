// Linkage documents (衔接文书): the 基本情况登记表 sent by a detention centre or prison (R-LNK-1),
// the inbox/sent boxes, and the judicial office's verification feedback with the 三假 findings
// (R-LNK-2), which reclassifies the person at once (R-CLS-3); paper documents received by mail are
// entered by the judicial office (channel mail). api/openapi.yaml: /documents,
// /documents/registration-forms, /documents/{id}/verification, /documents/release-notices,
// /documents/{id}/reception.
import { http } from './http'
import type { QueryOf, Schemas } from './types'
import type { PersonInput } from './persons'

export type DocumentKind = Schemas['DocumentKind']
/** The kinds a box is filtered by (family_help stays with its report). */
export const DOCUMENT_KINDS: DocumentKind[] = ['registration_form', 'verification_feedback', 'release_notice', 'reception_arrangement', 'family_change']

/** 系统 (sent through the system) or 邮寄 (a paper document entered by the receiving judicial office). */
export type Channel = Schemas['Channel']

/**
 * A paper document received by mail and entered by the judicial office (document:verify, R-LNK-1
 * "or by mail"): the sender is a custody unit of the system or, by name, one outside it.
 */
export type MailReceipt = Schemas['MailReceipt']

export type DocumentBox = NonNullable<QueryOf<'listDocuments'>['box']>

/** A family member on the registration form. */
export type FamilyMember = Schemas['FamilyMember']
/** The extra fields of the 基本情况登记表 (besides the person's file fields). */
export type RegistrationFormData = Schemas['RegistrationFormData']

/** Body of POST /documents/registration-forms: the person as the form holds it (persons.ts), release_kind may be left out (the sender's kind). */
export type RegistrationFormInput = Omit<Schemas['RegistrationFormInput'], 'person' | 'form'> & {
  person: Omit<PersonInput, 'release_kind' | 'version'> & { release_kind?: PersonInput['release_kind'] }
  form: RegistrationFormData
}

/** A 三假 finding: 属实 / 存疑 / 排除. */
export type Finding = Schemas['Finding']
export const FINDINGS: Finding[] = ['confirmed', 'suspected', 'cleared']
export type ThreeFalse = 'false_name' | 'false_identity' | 'false_address'
export const THREE_FALSE: ThreeFalse[] = ['false_name', 'false_identity', 'false_address']

type Verification = Schemas['VerificationInput']
type ThreeNone = 'no_home' | 'no_job' | 'no_relatives'
/** Body of POST /documents/{id}/verification as the dialog sends it: every text field, the 三无 factors optional. */
export type VerificationInput = Required<Omit<Verification, ThreeNone>> & Pick<Verification, ThreeNone>

/** A linkage document (Document of api/openapi.yaml). */
export type LinkageDocument = Schemas['Document']

/** GET /documents: the box always named; kind '' for every kind. */
export type DocumentQuery = Omit<QueryOf<'listDocuments'>, 'box' | 'kind'> & { box: DocumentBox; kind?: DocumentKind | '' }

export type RiskLevel = Schemas['RiskLevel']
export const RISK_LEVELS: RiskLevel[] = ['high', 'medium', 'low']
export type SuggestionKey = Schemas['SuggestionKey']
export const SUGGESTION_KEYS: SuggestionKey[] = ['housing', 'work', 'medical', 'living']

/** Body of POST /documents/release-notices (刑满释放人员通知书, R-LNK-4) as the dialog sends it: every
 *  field of the notice (the mail fields come with MailReceipt). */
export type ReleaseNoticeInput = Required<Omit<Schemas['ReleaseNoticeInput'], keyof MailReceipt | 'sender_unit_id' | 'sender_name' | 'suggestions'>> & {
  suggestions: Record<SuggestionKey, boolean>
}

export type PickupBy = Schemas['PickupBy']
export const PICKUP_BY: PickupBy[] = ['township_team', 'family']

/** Body of POST /documents/{id}/reception (接收安排, R-LNK-4), every field as the dialog sends it. */
export type ReceptionInput = Required<Schemas['ReceptionInput']>

/** One document with its history (corrections, newest first) and the answers to it (GET /documents/{id}). */
export type DocumentDetail = Schemas['DocumentDetail']

/** Body of POST /documents/{id}/correction: the notice as it should be and the reason (required). */
export type ReleaseNoticeCorrection = ReleaseNoticeInput & { reason: string }

export const documentsApi = {
  list: (q: DocumentQuery) => http.get<Schemas['DocumentPage']>('/documents', { ...q }),
  sendRegistrationForm: (body: RegistrationFormInput) => http.post<LinkageDocument>('/documents/registration-forms', body),
  verify: (id: number, body: VerificationInput) => http.post<LinkageDocument>(`/documents/${id}/verification`, body),
  /** R-PER-1: confirms a report of new custody; the running assistance period ends on the day of custody. */
  confirmCustody: (id: number) => http.post<LinkageDocument>(`/documents/${id}/confirm-custody`, {}),
  sendReleaseNotice: (body: ReleaseNoticeInput) => http.post<LinkageDocument>('/documents/release-notices', body),
  /** The judicial office enters a paper form received by mail. */
  enterRegistrationForm: (body: RegistrationFormInput & MailReceipt) => http.post<LinkageDocument>('/documents/registration-forms', body),
  /** The judicial office enters a paper release notice received by mail (the sender defaults to the form's). */
  enterReleaseNotice: (body: ReleaseNoticeInput & MailReceipt) => http.post<LinkageDocument>('/documents/release-notices', body),
  reception: (id: number, body: ReceptionInput) => http.post<LinkageDocument>(`/documents/${id}/reception`, body),
  /** R-LNK-4: the sender replaces its release notice with a corrected one; the first is kept. */
  correctReleaseNotice: (id: number, body: ReleaseNoticeCorrection) =>
    http.post<LinkageDocument>(`/documents/${id}/correction`, body),
  /** A document with its history and answers (the custody unit opens the answers it received). */
  get: (id: number) => http.get<DocumentDetail>(`/documents/${id}`),
}
