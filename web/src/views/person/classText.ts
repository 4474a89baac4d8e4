// The words of a person's class (R-CLS-1..3): the server sends each reason as codes (criterion,
// finding, factors) and a change of class as a code with the reasons it names
// (GET /persons/{id}/classification, timeline entries class.key / class.general). History rows
// written before codes carry their Chinese text, shown as it is.
type T = (key: string, params?: Record<string, unknown>) => string
type Te = (key: string) => boolean

export interface ClassReasonLike {
  criterion: string
  finding?: string | null
  factors?: readonly string[]
}

export interface ClassChangeLike {
  key: boolean
  code?: string | null
  reasons?: readonly ClassReasonLike[]
  reason?: string | null
}

function word(t: T, te: Te, key: string, fallback: string): string {
  return te(key) ? t(key) : fallback
}

/** A 三无 factor: "无家可归". */
export function factorText(t: T, te: Te, factor: string): string {
  return word(t, te, `document.cls.factor.${factor}`, factor)
}

/** One reason: "“三假”：假地址（已确认）", "“三无”：无家可归、无业可就、无亲可投". */
export function classReasonText(t: T, te: Te, r: ClassReasonLike): string {
  switch (r.criterion) {
    case 'false_name':
    case 'false_identity':
    case 'false_address':
      return t('document.cls.reasonText.fake', {
        what: t(`document.cls.fake.${r.criterion}`),
        finding: word(t, te, `document.cls.finding.${r.finding ?? ''}`, r.finding ?? ''),
      })
    case 'three_none':
      return t('document.cls.reasonText.three_none', {
        factors: (r.factors ?? []).map((f) => factorText(t, te, f)).join(t('document.cls.factorSep')),
      })
  }
  return word(t, te, `document.cls.reasonText.${r.criterion}`, r.criterion)
}

/** Several reasons in a line. */
export function classReasonsText(t: T, te: Te, reasons: readonly ClassReasonLike[]): string {
  return reasons.map((r) => classReasonText(t, te, r)).join(t('document.cls.reasonSep'))
}

/** A row of the class history: "列为重点帮教对象：“三假”：假地址（已确认）"; an older row: its own text. */
export function classChangeText(t: T, te: Te, h: ClassChangeLike): string {
  if (!h.code) return h.reason ?? ''
  const reasons = h.reasons ?? []
  if (h.code === 'class.key') return t('document.cls.change.key', { reasons: classReasonsText(t, te, reasons) })
  return reasons.length
    ? t('document.cls.change.generalBecause', { reasons: classReasonsText(t, te, reasons) })
    : t('document.cls.change.general')
}
