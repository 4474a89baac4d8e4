import { describe, expect, it } from 'vitest'
import { roleAfterUnitChange, roleFitsUnitKind, rolesForUnitKind } from './roleFit'

const roles = ['admin', 'district_officer', 'auditor', 'judicial_officer', 'police_officer', 'township_officer', 'village_cadre', 'custody_clerk', 'department_officer'].map((code, i) => ({ id: i + 1, code }))
const codes = (kind: string | null) => rolesForUnitKind(roles, kind).map((r) => r.code)

describe('roles by kind of unit', () => {
  it('offers each kind of unit only the roles that fit it', () => {
    expect(codes('village')).toEqual(['village_cadre'])
    expect(codes('judicial_office')).toEqual(['judicial_officer'])
    expect(codes('police_station')).toEqual(['police_officer'])
    expect(codes('township')).toEqual(['township_officer'])
    expect(codes('district')).toEqual(['admin', 'district_officer', 'auditor'])
    expect(codes('prison')).toEqual(['custody_clerk'])
    expect(codes('department')).toEqual(['department_officer'])
    expect(codes(null)).toEqual([])
  })

  it('lets a role that is not built in fit every unit', () => {
    expect(roleFitsUnitKind('custom', 'village')).toBe(true)
    expect(roleFitsUnitKind('village_cadre', 'township')).toBe(false)
  })

  it('keeps a fitting role when the unit changes, else takes the only fitting one', () => {
    const cadre = roles.find((r) => r.code === 'village_cadre')!.id
    const officer = roles.find((r) => r.code === 'judicial_officer')!.id
    expect(roleAfterUnitChange(roles, 'village', cadre)).toBe(cadre)
    expect(roleAfterUnitChange(roles, 'judicial_office', cadre)).toBe(officer)
    expect(roleAfterUnitChange(roles, 'village', null)).toBe(cadre)
    expect(roleAfterUnitChange(roles, 'district', cadre)).toBeNull()
    expect(roleAfterUnitChange(roles, null, cadre)).toBeNull()
  })
})
