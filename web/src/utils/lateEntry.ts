// Late entries (补录): a record entered (China Standard Time) at least one day after the date it
// carries. The server decides (`late`, `entered_on` on records, documents, custody and meetings;
// `late_on` / `entered_on` in a timeline entry's parameters); this words it with both dates.
type T = (key: string, params?: Record<string, unknown>) => string

export interface LateLike {
  late?: boolean
  entered_on?: string
}

/** The two dates of a late entry, or null when the record is not one. */
export function lateDates(on: string | null | undefined, r: LateLike | null | undefined): { on: string; entered: string } | null {
  if (!r?.late || !on || !r.entered_on) return null
  return { on, entered: r.entered_on }
}

/** The dates of a late timeline entry from its parameters, or null. */
export function lateOfParams(params: Record<string, unknown> | undefined): { on: string; entered: string } | null {
  const on = params?.late_on
  const entered = params?.entered_on
  return typeof on === 'string' && typeof entered === 'string' ? { on, entered } : null
}

/** “补录（记录日期 2026-11-20，2026-11-26 录入）” */
export function lateText(t: T, d: { on: string; entered: string }): string {
  return t('late.text', { on: d.on, entered: d.entered })
}
