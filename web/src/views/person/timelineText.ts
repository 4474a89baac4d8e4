// The words of a timeline entry: the server sends a code with parameters (GET /persons/{id}/timeline);
// entries written before codes existed carry their text in `summary`.
import { classReasonsText, type ClassReasonLike } from './classText'

type T = (key: string, params?: Record<string, unknown>) => string
type Te = (key: string) => boolean

export interface TimelineEntryLike {
  code?: string
  params?: Record<string, unknown>
  summary?: string
}

/** Fen as yuan with two decimals, the sign of a reversal dropped ("冲销 … 740.00 元"). */
function fenText(v: unknown): string {
  const n = Math.abs(Math.trunc(Number(v ?? 0)))
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`
}

function word(t: T, te: Te, group: string, v: unknown): string {
  const key = `timeline.${group}.${String(v)}`
  return te(key) ? t(key) : String(v ?? '')
}

/** The message key and parameters of an entry, with coded values turned into words. */
export function timelineMessage(t: T, te: Te, e: TimelineEntryLike): { key: string; params: Record<string, unknown> } | null {
  if (!e.code) return null
  const p: Record<string, unknown> = { ...(e.params ?? {}) }
  let key = `timeline.${e.code}`
  switch (e.code) {
    case 'class.key':
      // Newer entries name each reason with its finding or factors; older ones only the criteria.
      p.criteria = Array.isArray(p.reasons) && p.reasons.length
        ? classReasonsText(t, te, p.reasons as ClassReasonLike[])
        : ((p.criteria as string[]) ?? []).map((c) => word(t, te, 'class.criterion', c)).join(t('document.cls.factorSep'))
      if (p.review_id != null) p.criteria = `${String(p.criteria)}${t('timeline.class.byReview')}`
      break
    case 'class.general':
      if (Array.isArray(p.reasons) && p.reasons.length) {
        key = 'timeline.class.generalBecause'
        p.criteria = classReasonsText(t, te, p.reasons as ClassReasonLike[])
      }
      // R-CLS-3: a change decided by a confirmed full review names it.
      if (p.review_id != null) {
        if (key === 'timeline.class.general') key = 'timeline.class.generalByReview'
        else p.criteria = `${String(p.criteria)}${t('timeline.class.byReview')}`
      }
      break
    case 'followup.visit':
    case 'followup.review':
      // Entries of the full form carry codes; older ones their free-text form.
      if (p.outcome != null || p.recommendation != null) {
        p.form = te(`visit.form.${String(p.form)}`) ? t(`visit.form.${String(p.form)}`) : p.form
        p.outcome = te(`visit.outcome.${String(p.outcome)}`) ? t(`visit.outcome.${String(p.outcome)}`) : p.outcome
        p.recommendation = te(`visit.review.recommendations.${String(p.recommendation)}`)
          ? t(`visit.review.recommendations.${String(p.recommendation)}`)
          : p.recommendation
      } else {
        key = `${key}_free`
      }
      break
    case 'custody.detention':
      if (p.to) key = 'timeline.custody.detention_until'
      break
    case 'registration.recorded':
      if (p.policies_explained) key = 'timeline.registration.recorded_explained'
      break
    case 'transfer.requested':
    case 'transfer.accepted':
    case 'transfer.rejected':
    case 'transfer.withdrawn':
      p.kind = word(t, te, 'transfer.kind', p.kind)
      break
    case 'release.notified':
      p.method = word(t, te, 'release.method', p.method)
      p.units = ((p.units as string[]) ?? []).join('、')
      break
    case 'document.registration_form':
      if (p.channel === 'mail') key = 'timeline.document.registration_form_mail'
      break
    case 'document.verification':
      for (const f of ['false_name', 'false_identity', 'false_address']) p[f] = word(t, te, 'document.finding', p[f])
      break
    case 'document.release_notice':
    case 'document.release_notice_corrected':
      p.risk_level = word(t, te, 'document.risk', p.risk_level)
      break
    case 'document.reception':
      p.pickup_by = word(t, te, 'document.pickup_by', p.pickup_by)
      break
    case 'help.member_added':
    case 'help.member_left':
      if (e.code === 'help.member_added' && p.contact) key = 'timeline.help.member_added_contact'
      p.role = te(`help.role.${String(p.role)}`) ? t(`help.role.${String(p.role)}`) : String(p.role ?? '')
      break
    case 'help.plan_made':
    case 'help.plan_revised':
      p.needs = ((p.needs as string[]) ?? []).map((n) => (te(`help.need.${n}`) ? t(`help.need.${n}`) : n)).join('、')
      break
    case 'help.agreement_signed':
      p.parties = ((p.parties as string[]) ?? []).join('、')
      break
    case 'warning.recorded':
    case 'warning.recorded_notified':
      p.sign_kind = word(t, te, 'warning.sign', p.sign_kind)
      break
    case 'document.family_change':
      if (p.family_in_difficulty || p.children_in_difficulty) key = 'timeline.document.family_change_help'
      break
    case 'education.session':
    case 'education.session_absent':
      p.kind = word(t, te, 'education.kind', p.kind)
      break
    case 'assistance.applied':
    case 'assistance.accepted':
    case 'assistance.documents_requested':
    case 'assistance.granted':
    case 'assistance.refused':
      p.kind = word(t, te, 'assistance.kind', p.kind)
      if (typeof p.amount_fen === 'number') p.amount = (p.amount_fen / 100).toFixed(2)
      break
    case 'publicity.consent':
    case 'publicity.consent_until':
      p.scope = word(t, te, 'publicity.scope', p.scope)
      break
    // Issue 9 (helper D): the needs list and social insurance (R-INS-1).
    case 'need.raised':
    case 'need.status':
    case 'need.action':
    case 'need.status_action':
    case 'need.assessed_status':
    case 'need.assessed_note':
      p.category = word(t, te, 'need.category', p.category)
      p.status = word(t, te, 'need.state', p.status)
      p.source = word(t, te, 'need.source', p.source)
      p.link = p.link_kind ? word(t, te, 'need.link', p.link_kind) : ''
      break
    case 'insurance.status':
    case 'insurance.step':
      p.scheme = word(t, te, 'insurance.scheme', p.scheme)
      p.status = word(t, te, 'insurance.state', p.status)
      p.step = word(t, te, 'insurance.step_', p.step)
      break
    // Issue 9: employment (R-EMP-1, R-EMP-3).
    case 'employment.status':
      if (p.kind === 'employed') {
        key = 'timeline.employment.status_employed'
        p.job = p.job ? t('word.paren', { text: String(p.job) }) : ''
      }
      p.kind = te(`employment.kind.${String(p.kind)}`) ? t(`employment.kind.${String(p.kind)}`) : p.kind
      break
    case 'employment.service':
      if (p.kind === 'job_introduction') key = 'timeline.employment.service_intro'
      p.kind = te(`employment.serviceKind.${String(p.kind)}`) ? t(`employment.serviceKind.${String(p.kind)}`) : p.kind
      p.result = te(`employment.result.${String(p.result)}`) ? t(`employment.result.${String(p.result)}`) : p.result
      break
    case 'employment.benefit':
      p.kind = te(`employment.benefitKind.${String(p.kind)}`) ? t(`employment.benefitKind.${String(p.kind)}`) : p.kind
      p.amount = (Number(p.amount_fen ?? 0) / 100).toFixed(2)
      break
    // Issue 10: the hardship allowance (R-ALW-1..6): by = the unit's name, amounts in fen.
    case 'allowance.applied':
    case 'allowance.certified':
    case 'allowance.approved':
    case 'allowance.resubmitted':
      if (typeof p.note === 'string' && p.note.trim()) key = `${key}_note`
      p.by = p.by ?? ''
      break
    case 'allowance.verified':
    case 'allowance.rejected':
    case 'allowance.returned':
      p.by = p.by ?? ''
      p.note = p.note ?? ''
      break
    case 'allowance.paid':
    case 'allowance.reversed':
      p.by = p.by ?? ''
      p.note = p.note ?? ''
      p.amount = fenText(p.amount_fen)
      break
    case 'allowance.household_kind':
      p.kind = word(t, te, 'allowance.kind', p.kind)
      break
  }
  if (!te(key)) return { key: 'timeline.unknown', params: { code: e.code } }
  return { key, params: p }
}

export function timelineText(t: T, te: Te, e: TimelineEntryLike): string {
  const m = timelineMessage(t, te, e)
  return m ? t(m.key, m.params) : (e.summary ?? '')
}
