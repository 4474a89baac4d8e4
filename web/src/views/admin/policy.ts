// Pure helpers of the 政策参数 page. The defaults and allowed words mirror src/rules/policy.{hpp,cpp}
// (the server decides: it validates every value and answers POLICY_BAD_VALUE in Chinese).
import type { Policy, PolicyEntry } from '@/api/policy'
import type { CivilDate } from '@/api/types'

export interface ParamSpec {
  /** The value in force when no entry applies. */
  default: string
  /** The allowed words of a word parameter; numbers have none. */
  words?: readonly string[]
}

export const PARAM_SPECS: Readonly<Record<string, ParamSpec>> = {
  assistance_years_custody: { default: '5' },
  assistance_years_correction: { default: '3' },
  registration_days: { default: '30' },
  linkage_form_months: { default: '1' },
  verification_feedback_months: { default: '1' },
  release_notice_months_before: { default: '1' },
  reception_feedback_days: { default: '10' },
  family_help_days: { default: '30' },
  partial_period_min_days: { default: '30' },
  general_visit_period: { default: 'half_year', words: ['month', 'quarter', 'half_year'] },
  key_visit_period: { default: 'none', words: ['none', 'month', 'quarter', 'half_year'] },
  lost_contact_days: { default: '30' },
  three_none_mode: { default: 'all', words: ['all', 'any'] },
  backdate_limit_days: { default: '90' },
  help_group_days: { default: '7' },
  help_plan_days: { default: '30' },
  help_plan_revision_days: { default: '15' },
  min_living_standard_urban_fen: { default: '74000' },
  min_living_standard_rural_fen: { default: '60000' },
  referral_answer_days: { default: '15' },
  allowance_months: { default: '6' },
  late_month_rounding: { default: 'whole', words: ['whole', 'started'] },
  allowance_step_days: { default: '10' },
}

/** One row of the page: a parameter, the value in force today and all its dated entries. */
export interface PolicyRow {
  name: string
  /** The value in force today; the default (or null if unknown) when no entry applies yet. */
  value: string | null
  /** The date the current value took effect; null while the default applies. */
  from: CivilDate | null
  /** Every entry of this parameter, oldest first. */
  entries: PolicyEntry[]
}

/** The rows of the page, in the server's parameter order. */
export function policyRows(policy: Policy, today: CivilDate): PolicyRow[] {
  return policy.parameters.map((name) => {
    const entries = policy.entries
      .filter((e) => e.name === name)
      .sort((a, b) => a.effective_from.localeCompare(b.effective_from))
    const current = entries.filter((e) => e.effective_from <= today).at(-1)
    return {
      name,
      value: current ? current.value : (PARAM_SPECS[name]?.default ?? null),
      from: current ? current.effective_from : null,
      entries,
    }
  })
}

/** True for an entry that takes effect after today. */
export function isUpcoming(e: Pick<PolicyEntry, 'effective_from'>, today: CivilDate): boolean {
  return e.effective_from > today
}
