// Pure helpers of the hardship allowance pages (过渡性困难生活补助金, R-ALW-1..6): money in fen shown
// as yuan, the application's step bar, the action → step mapping, the entitlement said step by step
// with its rule ids, calendar months, and the report's totals. No I/O: unit-tested (data.test.ts).
import type {
  AllowanceAction,
  AllowanceEntitlement,
  AllowanceMonth,
  AllowanceReportRow,
  AllowanceState,
  AllowanceStep,
  AllowanceStepCode,
  AllowanceStandard,
} from '@/api/allowance'

type T = (key: string, params?: Record<string, unknown>) => string

/** The permissions of a unit that takes a step of the chain (R-ALW-2): the 补助金审批 page. */
export const WORK_PERMISSIONS = ['allowance:apply', 'allowance:certify', 'allowance:verify', 'allowance:approve'] as const
/** Who sees the payments and the report: the civil-affairs office pays, the district reports. */
export const PAYMENT_PERMISSIONS = ['allowance:pay', 'allowance:report'] as const
export const REPORT_PERMISSIONS = ['allowance:report', 'allowance:pay'] as const
/** The standards page: anyone who works with the allowance, and the administrator who keeps them (policy:manage). */
export const STANDARDS_PERMISSIONS = [...WORK_PERMISSIONS, ...PAYMENT_PERMISSIONS, 'policy:manage'] as const

/**
 * Integer fen as yuan with two decimals and the yuan sign: 74000 → "¥740.00", 123456789 →
 * "¥1234567.89", -74000 → "-¥740.00". Never through floating point; no thousands commas (the
 * Chinese text around it would carry ASCII punctuation).
 */
export function formatYuan(fen: number | null | undefined): string {
  if (fen == null || !Number.isFinite(fen)) return ''
  const n = Math.trunc(fen)
  const abs = Math.abs(n)
  const whole = String(Math.floor(abs / 100))
  const cents = String(abs % 100).padStart(2, '0')
  return `${n < 0 ? '-' : ''}¥${whole}.${cents}`
}

/** The five stations of the step bar: 申请 → 困难证明 → 司法所核实 → 镇街审批 → 按月发放. */
export const BAR_STEPS = ['applied', 'certificate', 'verification', 'approval', 'paying'] as const
export type BarStep = (typeof BAR_STEPS)[number]

/** What the application waits for (AllowanceState without the two ends). */
type Awaiting = 'documents' | 'certificate' | 'verification' | 'approval' | 'none'

const BAR_OF: Record<Exclude<Awaiting, 'none'>, number> = { documents: 0, certificate: 1, verification: 2, approval: 3 }

/**
 * What the application waited for before its last step, replaying the chain as the server does
 * (rules/allowance.cpp chain_state): applied → certificate, certified → verification, verified →
 * approval, approved / rejected end it, returned goes one step back (certificate → documents,
 * verification → certificate, approval → verification). Steps that do not fit are skipped.
 */
export function awaitingBefore(steps: Pick<AllowanceStep, 'step'>[], upTo = steps.length): Awaiting {
  let w: Awaiting = 'certificate'
  for (const s of steps.slice(0, upTo)) {
    switch (s.step) {
      case 'applied': w = 'certificate'; break
      case 'certified': if (w === 'certificate') w = 'verification'; break
      case 'verified': if (w === 'verification') w = 'approval'; break
      case 'approved': if (w === 'approval') w = 'none'; break
      case 'rejected': if (w !== 'none') w = 'none'; break
      case 'returned':
        w = w === 'approval' ? 'verification' : w === 'verification' ? 'certificate' : w === 'certificate' ? 'documents' : w
        break
    }
  }
  return w
}

export interface BarState {
  /** Index of the current station (el-steps `active`); BAR_STEPS.length when all are finished. */
  active: number
  /** el-steps `process-status` of the current station. */
  status: 'process' | 'error' | 'finish' | 'wait'
  /** Sent back to the applicant for documents. */
  returned: boolean
}

/**
 * The step bar of an application: the station it waits at (documents: the applicant's, after a
 * return), the one it was rejected at (error), or 按月发放 while months remain to be paid — all
 * finished once every payable month is paid.
 */
export function barState(state: AllowanceState, steps: Pick<AllowanceStep, 'step'>[], months: Pick<AllowanceMonth, 'status' | 'amount_fen' | 'paid_fen'>[] = []): BarState {
  switch (state) {
    case 'documents':
    case 'certificate':
    case 'verification':
    case 'approval':
      return { active: BAR_OF[state], status: 'process', returned: state === 'documents' }
    case 'approved': {
      const open = months.some((m) => m.status === 'payable' && m.paid_fen < m.amount_fen)
      return open ? { active: 4, status: 'process', returned: false } : { active: BAR_STEPS.length, status: 'finish', returned: false }
    }
    case 'rejected': {
      const i = steps.map((s) => s.step).lastIndexOf('rejected')
      const at = awaitingBefore(steps, i < 0 ? steps.length : i)
      return { active: at === 'none' ? 0 : BAR_OF[at], status: 'error', returned: false }
    }
  }
  return { active: 0, status: 'wait', returned: false }
}

/** The step of POST /allowance/applications/{aid}/steps that each action takes. */
export const ACTION_STEP: Record<AllowanceAction, AllowanceStepCode> = {
  resubmit: 'applied',
  certify: 'certified',
  verify: 'verified',
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
}
/** The actions in the order their buttons stand: forward first, then back, then the end. */
export const ACTION_ORDER: AllowanceAction[] = ['resubmit', 'certify', 'verify', 'approve', 'return', 'reject']

/** verify: the signed opinion; reject: the reason; return: what is missing — each required. */
export function noteRequired(a: AllowanceAction): boolean {
  return a === 'verify' || a === 'reject' || a === 'return'
}

/** The label of an action's note (allowance.note.<key>). */
export function noteKey(a: AllowanceAction): 'verify' | 'reject' | 'return' | 'other' {
  return a === 'verify' || a === 'reject' || a === 'return' ? a : 'other'
}

/** The buttons offered: exactly the server's `actions`, in ACTION_ORDER. */
export function orderedActions(actions: readonly AllowanceAction[]): AllowanceAction[] {
  return ACTION_ORDER.filter((a) => actions.includes(a))
}

/** Whether a step is a resubmission: an `applied` after the first step. */
export function stepLabelKey(steps: Pick<AllowanceStep, 'step'>[], i: number): string {
  const s = steps[i]?.step
  return s === 'applied' && i > 0 ? 'resubmitted' : String(s)
}

// --- calendar months (YYYY-MM) ---

export function monthOf(day: string): string {
  return day.slice(0, 7)
}

/** `ym` plus `n` months (n may be negative). */
export function addMonths(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number)
  const i = (y ?? 0) * 12 + ((m ?? 1) - 1) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

/** The last `n` months up to the month of `today`: [from, to]. */
export function lastMonths(today: string, n: number): [string, string] {
  const to = monthOf(today)
  return [addMonths(to, -(n - 1)), to]
}

// --- the entitlement, said step by step ---

export interface ExplainLine {
  rule: string
  text: string
}

/**
 * The entitlement as lines, each with its rule id: the deadline from the release (R-REG-1), the
 * registration date, the months late in the policy's rounding (R-ALW-3), the months payable
 * (R-ALW-1, R-ALW-3), the stop (R-ALW-4 低保 / R-ALW-5 重新犯罪) and the total (R-ALW-1).
 */
export function entitlementLines(t: T, e: AllowanceEntitlement, approved: boolean): ExplainLine[] {
  const out: ExplainLine[] = []
  if (!approved) out.push({ rule: 'R-ALW-1', text: t('allowance.explain.asOf', { date: e.as_of }) })
  out.push({ rule: 'R-REG-1', text: t('allowance.explain.deadline', { release: e.release_date, deadline: e.deadline }) })
  if (!e.registered_on) {
    out.push({ rule: 'R-ALW-3', text: t('allowance.explain.notRegistered') })
    return out
  }
  const rounding = t(`allowance.explain.rounding.${e.rounding}`)
  out.push({
    rule: 'R-ALW-3',
    text: e.months_late > 0
      ? t('allowance.explain.late', { registered: e.registered_on, n: e.months_late, rounding })
      : e.registered_on > e.deadline
        ? t('allowance.explain.lateUnderMonth', { registered: e.registered_on, days: daysBetween(e.deadline, e.registered_on), rounding })
        : t('allowance.explain.onTime', { registered: e.registered_on }),
  })
  const diff = e.max_months - e.months_late
  out.push({
    rule: 'R-ALW-3',
    text: diff < 0
      ? t('allowance.explain.payableNone', { max: e.max_months, late: e.months_late })
      : t('allowance.explain.payable', { max: e.max_months, late: e.months_late, n: e.months_payable }),
  })
  if (e.months.length) {
    out.push({ rule: 'R-ALW-1', text: t('allowance.explain.months', { from: e.months[0]!.month, to: e.months[e.months.length - 1]!.month }) })
  }
  if (e.stopped_from && e.stop_rule === 'R-ALW-4') out.push({ rule: 'R-ALW-4', text: t('allowance.explain.stoppedDibao', { month: e.stopped_from }) })
  if (e.stopped_from && e.stop_rule === 'R-ALW-5') out.push({ rule: 'R-ALW-5', text: t('allowance.explain.stoppedReoffended', { month: e.stopped_from }) })
  out.push({ rule: 'R-ALW-1', text: t('allowance.explain.total', { amount: formatYuan(e.total_fen) }) })
  if (e.total_fen === 0) out.push({ rule: 'R-ALW-1', text: t('allowance.explain.nothing') })
  const overpaid = e.months.reduce((sum, m) => sum + Math.max(0, m.paid_fen - m.amount_fen), 0)
  if (overpaid > 0) out.push({ rule: 'R-ALW-6', text: t('allowance.explain.overpaid', { amount: formatYuan(overpaid) }) })
  return out
}

/** Whole days from `from` to `to` (YYYY-MM-DD, calendar dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000)
}

/** The month from which an approved application pays no more (R-ALW-4, R-ALW-5), once it has begun. */
export function stoppedSince(e: Pick<AllowanceEntitlement, 'stopped_from'>, today: string): string | null {
  return e.stopped_from && e.stopped_from <= monthOf(today) ? e.stopped_from : null
}

/** The rule of a month's status: payable R-ALW-1, 低保 R-ALW-4, 重新犯罪 R-ALW-5. */
export function monthRule(m: Pick<AllowanceMonth, 'status'>): string {
  return m.status === 'dibao' ? 'R-ALW-4' : m.status === 'reoffended' ? 'R-ALW-5' : 'R-ALW-1'
}

export type MonthPayment = 'paid' | 'partly' | 'overpaid' | 'in_run' | 'due' | 'not_begun' | 'none' | 'estimate'

/**
 * Where a month's money stands: paid (on a day), in a confirmed run, due, not begun yet, or nothing
 * to pay — and, before the approval, only an estimate (nothing is owed yet).
 */
export function monthPayment(m: Pick<AllowanceMonth, 'month' | 'status' | 'amount_fen' | 'paid_fen' | 'in_run'>, today: string, approved = true): MonthPayment {
  // Paid more than the month pays now (低保 or a re-offence recorded after the payment): to reverse.
  if (m.paid_fen > m.amount_fen) return 'overpaid'
  if (m.paid_fen > 0 && m.paid_fen >= m.amount_fen) return 'paid'
  if (m.paid_fen > 0) return 'partly'
  if (!approved) return 'estimate'
  if (m.in_run != null) return 'in_run'
  if (m.status !== 'payable' || m.amount_fen <= 0) return 'none'
  return m.month > monthOf(today) ? 'not_begun' : 'due'
}

/** The words of a month's payment: "已发放 ¥740.00（2026-11-28）", "已列入发放名单（第 3 号）", … */
export function monthPaymentText(t: T, m: Pick<AllowanceMonth, 'month' | 'status' | 'amount_fen' | 'paid_fen' | 'paid_on' | 'in_run'>, today: string, approved = true): string {
  const p = monthPayment(m, today, approved)
  switch (p) {
    case 'paid':
    case 'partly':
      return t(`allowance.month.${p}`, { amount: formatYuan(m.paid_fen), on: m.paid_on ?? '' })
    case 'overpaid':
      return t('allowance.month.overpaid', { amount: formatYuan(m.paid_fen - m.amount_fen), on: m.paid_on ?? '' })
    case 'in_run':
      return t('allowance.month.in_run', { id: m.in_run })
    default:
      return t(`allowance.month.${p}`)
  }
}

// --- report and standards ---

export interface ReportTotals {
  applications: number
  approvals: number
  rejections: number
  persons_paid: number
  paid_fen: number
}

/** The sums of the report's rows (persons paid summed per township-month: a person paid in two months counts twice). */
export function reportTotals(rows: readonly AllowanceReportRow[]): ReportTotals {
  const s: ReportTotals = { applications: 0, approvals: 0, rejections: 0, persons_paid: 0, paid_fen: 0 }
  for (const r of rows) {
    s.applications += r.applications
    s.approvals += r.approvals
    s.rejections += r.rejections
    s.persons_paid += r.persons_paid
    s.paid_fen += r.paid_fen
  }
  return s
}

/** One line per township with the sums of its months, in the order the townships first appear. */
export function townshipTotals(rows: readonly AllowanceReportRow[]): (ReportTotals & { township_unit: AllowanceReportRow['township_unit'] })[] {
  const by = new Map<number, AllowanceReportRow[]>()
  for (const r of rows) by.set(r.township_unit.id, [...(by.get(r.township_unit.id) ?? []), r])
  return [...by.values()].map((rs) => ({ township_unit: rs[0]!.township_unit, ...reportTotals(rs) }))
}

/** True for the dated row of the standards that is in force (same date and amounts). */
export function isInForce(row: AllowanceStandard, inForce: AllowanceStandard | null | undefined): boolean {
  return !!inForce && row.from === inForce.from && row.urban_fen === inForce.urban_fen && row.rural_fen === inForce.rural_fen
}

/** An integer instant of the contract (seconds since the epoch; milliseconds accepted) as an ISO string. */
export function instantOf(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v) || v <= 0) return ''
  return new Date(v > 1e12 ? v : v * 1000).toISOString()
}
