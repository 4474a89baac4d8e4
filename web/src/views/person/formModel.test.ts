import { describe, expect, it } from 'vitest'
import { emptyPersonForm, formToInput } from './formModel'

describe('person form model', () => {
  it('builds PersonInput: trims, upper-cases x, null for an empty ID number', () => {
    const f = { ...emptyPersonForm(), name: ' 张三丰 ', id_number: ' 50015319880615001x ', household_unit_id: 3, residence_unit_id: 4, charge_ids: [1], release_date: '2024-01-02', release_kind: 'prison' as const, gender: '1' as const }
    const body = formToInput(f)
    expect(body.name).toBe('张三丰')
    expect(body.id_number).toBe('50015319880615001X')
    expect(body.identity_verified).toBe(true)
    expect(body.version).toBeUndefined()
    expect(body.birth_date).toBeUndefined()
    expect(formToInput({ ...f, id_number: '', unverified: true }, 5)).toMatchObject({ id_number: null, identity_verified: false, version: 5 })
  })

  it('an edit never holds the full ID number: the field starts empty and, left empty, sends no id_number key', async () => {
    const { personToForm } = await import('./formModel')
    const loaded = personToForm({ id_number_masked: '5001**********001X', identity_verified: true } as never)
    expect(loaded.id_number).toBe('')
    expect(loaded.id_number_masked).toBe('5001**********001X')
    const kept = formToInput({ ...loaded, name: '张三' }, 3)
    expect('id_number' in kept).toBe(false)
    expect(kept.version).toBe(3)
    // A number typed over it replaces the stored one.
    expect(formToInput({ ...loaded, id_number: '50015319880615001x' }, 3).id_number).toBe('50015319880615001X')
  })
})

describe('groupEducation', () => {
  it('groups by parent_code, or by the class code when the server sends none', async () => {
    const { groupEducation } = await import('./formModel')
    const flat = [
      { code: '10', name: '研究生教育' },
      { code: '11', name: '博士研究生毕业' },
      { code: '20', name: '大学本科教育' },
      { code: '21', name: '大学本科毕业' },
      { code: '90', name: '其他' },
    ]
    const g = groupEducation(flat)
    expect(g.map((x) => [x.top.code, x.children.map((c) => c.code)])).toEqual([
      ['10', ['11']],
      ['20', ['21']],
      ['90', []],
    ])
    const withParent = groupEducation([{ code: '10', name: 'a', parent_code: null }, { code: '11', name: 'b', parent_code: '10' }])
    expect(withParent).toHaveLength(1)
  })
})
