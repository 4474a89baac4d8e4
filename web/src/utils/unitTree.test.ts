import { describe, expect, it } from 'vitest'
import type { Unit } from '@/api/units'
import { AREA_KINDS, buildUnitTree, nearestOfKind, subtreeIds, unitPath } from './unitTree'

const u = (id: number, parent_id: number | null, kind: Unit['kind'], name = `u${id}`, active = true): Unit => ({
  id, parent_id, kind, name, code: String(id), subkind: '', active, area_unit_id: null,
})

const units: Unit[] = [
  u(1, null, 'district', '荣昌区'),
  u(2, 1, 'township', '昌元街道'),
  u(3, 2, 'village', '一社区'),
  u(4, 2, 'judicial_office', '昌元司法所'),
  u(5, 1, 'township', '仁义镇'),
  u(6, 5, 'village', '某村', false),
]

describe('unit tree', () => {
  it('builds the forest', () => {
    const t = buildUnitTree(units)
    expect(t).toHaveLength(1)
    expect(t[0]!.children?.map((n) => n.id)).toEqual([2, 5])
    expect(t[0]!.children?.[0]?.children?.map((n) => n.id)).toEqual([3, 4])
  })

  it('filters by kind and activity, and roots at a unit', () => {
    const t = buildUnitTree(units, { kinds: AREA_KINDS, activeOnly: true, rootId: 5 })
    expect(t.map((n) => n.id)).toEqual([5])
    expect(t[0]!.children).toBeUndefined()
    const all = buildUnitTree(units, { kinds: AREA_KINDS })
    expect(all[0]!.children?.[0]?.children?.map((n) => n.id)).toEqual([3])
  })

  it('marks units that cannot be picked', () => {
    const t = buildUnitTree(units, { disable: (x) => x.kind === 'district' })
    expect(t[0]!.disabled).toBe(true)
    expect(t[0]!.children?.[0]?.disabled).toBe(false)
  })

  it('finds subtrees, paths and the area of a judicial office', () => {
    expect([...subtreeIds(units, 2)].sort()).toEqual([2, 3, 4])
    expect(unitPath(units, 3)).toEqual(['荣昌区', '昌元街道', '一社区'])
    expect(nearestOfKind(units, 4, AREA_KINDS)?.id).toBe(2)
    expect(nearestOfKind(units, 99, AREA_KINDS)).toBeUndefined()
  })
})
