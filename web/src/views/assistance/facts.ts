// Pure helpers of the social assistance forms (R-AID-1..6): which facts each kind asks for, the
// three-valued answers (是 / 否 / 不清楚) and the conversion to the API's facts (unknown = absent).
import type { AidFacts, AidKind } from '@/api/assistance'

export type Tri = '' | 'yes' | 'no'
export const BOOL_FACTS = [
  'disabled', 'able_to_work', 'has_income', 'has_supporter', 'supporter_able', 'dibao_member', 'tekun_person',
  'tekun_dispersed', 'other_hardship', 'housing_hardship', 'in_education', 'sudden_event',
] as const
export type BoolFact = (typeof BOOL_FACTS)[number]

/** The yes/no facts the form asks for a kind (the pre-check's inputs, domain/assistance.hpp). */
export const KIND_FACTS: Record<AidKind, BoolFact[]> = {
  dibao: [],
  tekun: ['disabled', 'able_to_work', 'has_income', 'has_supporter', 'supporter_able'],
  medical: ['dibao_member', 'tekun_person', 'other_hardship'],
  education: ['in_education', 'dibao_member', 'tekun_person'],
  housing: ['housing_hardship', 'dibao_member', 'tekun_dispersed'],
  temporary: ['sudden_event'],
}

export interface FactsForm {
  household_kind: '' | 'urban' | 'rural'
  family_size: number | undefined
  /** Yuan as typed (two decimals at most); sent in fen. */
  family_income_yuan: string
  bools: Record<BoolFact, Tri>
  event_kind: string
  event_date: string
}

export function freshFacts(): FactsForm {
  return {
    household_kind: '',
    family_size: undefined,
    family_income_yuan: '',
    bools: Object.fromEntries(BOOL_FACTS.map((k) => [k, ''])) as Record<BoolFact, Tri>,
    event_kind: '',
    event_date: '',
  }
}

/** Yuan text → fen, or null when empty or not an amount (the server refuses negatives). */
export function yuanToFen(text: string): number | null {
  const s = text.trim()
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null
  const [whole, frac = ''] = s.replace('-', '').split('.')
  const fen = Number(whole) * 100 + Number((frac + '00').slice(0, 2))
  return s.startsWith('-') ? -fen : fen
}

export function fenToYuan(fen: number | null | undefined): string {
  return fen == null ? '' : (fen / 100).toFixed(2)
}

/** The facts of the form as the API takes them: only the known ones, for the kind's questions. */
export function factsOf(kind: AidKind, f: FactsForm): AidFacts {
  const out: AidFacts = {}
  if (f.household_kind) out.household_kind = f.household_kind
  if (f.family_size) out.family_size = f.family_size
  const fen = yuanToFen(f.family_income_yuan)
  if (fen != null) out.family_income_fen = fen
  for (const k of KIND_FACTS[kind]) {
    if (f.bools[k] !== '') out[k] = f.bools[k] === 'yes'
  }
  if (kind === 'temporary' && f.bools.sudden_event === 'yes') {
    if (f.event_kind) out.event_kind = f.event_kind as AidFacts['event_kind']
    if (f.event_date) out.event_date = f.event_date
  }
  return out
}
