// Which built-in roles fit which kind of unit — the same table as the server's
// src/domain/role_fit.cpp, which refuses a mismatch (ROLE_UNIT_MISMATCH).

export const ROLE_UNIT_KINDS: Readonly<Record<string, readonly string[]>> = {
  admin: ['district'],
  district_officer: ['district'],
  auditor: ['district'],
  judicial_officer: ['judicial_office'],
  police_officer: ['police_station'],
  township_officer: ['township'],
  civil_affairs_leader: ['township'],
  village_cadre: ['village'],
  custody_clerk: ['detention_centre', 'prison'],
  department_officer: ['department'],
}

/** True when a user of role `code` may belong to a unit of kind `kind`; other roles fit every unit. */
export function roleFitsUnitKind(code: string, kind: string): boolean {
  const kinds = ROLE_UNIT_KINDS[code]
  return !kinds || kinds.includes(kind)
}

/** The roles offered for a unit of kind `kind`: none until a unit is picked. */
export function rolesForUnitKind<R extends { code: string }>(roles: readonly R[], kind: string | null | undefined): R[] {
  if (!kind) return []
  return roles.filter((r) => roleFitsUnitKind(r.code, kind))
}

/**
 * The role to keep once the unit changed: the current one if it still fits, else the only one
 * that fits, else none (the user picks).
 */
export function roleAfterUnitChange<R extends { id: number; code: string }>(roles: readonly R[], kind: string | null | undefined, current: number | null): number | null {
  const fitting = rolesForUnitKind(roles, kind)
  if (current != null && fitting.some((r) => r.id === current)) return current
  return fitting.length === 1 ? fitting[0]!.id : null
}
