// Codes of the server's answers (三假 findings, risk levels, roles, …) as the pages show them: through
// the locale files, never as the raw code ("假地址 confirmed", "风险等级 low", "village_cadre").

/** A message of the locale files, or undefined when there is none. */
export type Lookup = (key: string) => string | undefined

/** Where the names of a coded field's values are in the locale files. */
export const CODE_FIELDS: Readonly<Record<string, string>> = {
  false_name: 'document.verify.finding',
  false_identity: 'document.verify.finding',
  false_address: 'document.verify.finding',
  risk_level: 'document.release.risk',
  pickup_by: 'document.reception.by',
  role: 'role',
  scope: 'scope',
  status: 'person.status',
}

/** The name of `value` of a coded field (CODE_FIELDS); the value itself for other fields. */
export function codeLabel(lookup: Lookup, field: string, value: string): string {
  const group = CODE_FIELDS[field]
  return (group && lookup(`${group}.${value}`)) || value
}

/** A role by its code's name in the locale files (built-in roles), else the server's name. */
export function roleLabel(lookup: Lookup, role: { code: string; name: string } | null | undefined): string {
  if (!role) return ''
  return lookup(`role.${role.code}`) || role.name
}

/**
 * A timeline summary written by the server with codes in it — "核查反馈:假地址 confirmed",
 * "风险等级 low" — with the codes named (查实为假, 低).
 */
export function summaryLabels(lookup: Lookup, summary: string): string {
  const name = (group: string, code: string) => lookup(`${group}.${code}`) || code
  return summary
    .replace(/(假姓名|假身份|假地址)(\s*)(confirmed|suspected|cleared)\b/g, (_m, what: string, sp: string, code: string) => what + sp + name('document.verify.finding', code))
    .replace(/(风险等级)(\s*)(high|medium|low)\b/g, (_m, what: string, sp: string, code: string) => what + sp + name('document.release.risk', code))
}
