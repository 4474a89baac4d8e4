// Parses AuditEntry.detail (a JSON string): field changes [{field, old, new}] or query parameters.

export interface ChangeRow {
  field: string
  old: string
  new: string
}

export type ParsedDetail =
  | { kind: 'empty' }
  | { kind: 'changes'; rows: ChangeRow[] }
  | { kind: 'params'; rows: { key: string; value: string }[] }
  | { kind: 'text'; text: string }

const str = (v: unknown): string => (v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v))

export function parseDetail(detail: string | null | undefined): ParsedDetail {
  if (!detail || !detail.trim() || detail.trim() === '{}' || detail.trim() === '[]') return { kind: 'empty' }
  let v: unknown
  try {
    v = JSON.parse(detail)
  } catch {
    return { kind: 'text', text: detail }
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'object' && x !== null && 'field' in x)) {
      return { kind: 'changes', rows: v.map((x: Record<string, unknown>) => ({ field: str(x.field), old: str(x.old), new: str(x.new) })) }
    }
    return { kind: 'text', text: detail }
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>
    if (Array.isArray(o.changes)) return parseDetail(JSON.stringify(o.changes))
    // Empty filters (q "", unit_id 0) said nothing about the query: leave them out.
    const rows = Object.entries(o)
      .filter(([key, value]) => value !== '' && value !== null && !(key.endsWith('_id') && value === 0))
      .map(([key, value]) => ({ key, value: str(value) }))
    return rows.length ? { kind: 'params', rows } : { kind: 'empty' }
  }
  return { kind: 'text', text: str(v) }
}
