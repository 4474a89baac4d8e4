import { describe, expect, it } from 'vitest'
import type { Unit } from '@/api/units'
import { AREA_KINDS, buildUnitTree, nearestOfKind, subtreeIds, unitLabel, unitPath } from './unitTree'

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

describe('unitLabel (a village with its township)', () => {
  const byId = new Map(units.map((x) => [x.id, x]))

  it('names a village with its township from the tree', () => {
    expect(unitLabel(byId, { id: 3, name: '一社区' })).toBe('昌元街道 / 一社区')
    expect(unitLabel(byId, byId.get(6))).toBe('仁义镇 / 某村')
  })

  it('names any other unit by its name', () => {
    expect(unitLabel(byId, { id: 2, name: '昌元街道' })).toBe('昌元街道')
    expect(unitLabel(byId, { id: 4, name: '昌元司法所' })).toBe('昌元司法所')
    expect(unitLabel(byId, { id: 1, name: '荣昌区' })).toBe('荣昌区')
    expect(unitLabel(byId, null)).toBe('')
  })

  it('falls back on the answer’s path for a village the tree does not hold', () => {
    const empty = new Map()
    expect(unitLabel(empty, { id: 99, name: '玉屏社区', kind: 'village', path: '昌元街道 / 玉屏社区' })).toBe('昌元街道 / 玉屏社区')
    expect(unitLabel(empty, { id: 99, name: '玉屏社区', kind: 'village' })).toBe('玉屏社区')
    expect(unitLabel(empty, { id: 98, name: '某司法所', kind: 'judicial_office', path: '昌元街道 / 某司法所' })).toBe('某司法所')
  })

  it('gives every tree node its label', () => {
    const village = buildUnitTree(units)[0]!.children![0]!.children![0]!
    expect(village.label).toBe('一社区')
    expect(village.title).toBe('昌元街道 / 一社区')
  })
})
