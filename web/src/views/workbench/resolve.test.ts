import { describe, expect, it } from 'vitest'
import { answeredFromInbox, isSameTask, resolvedInInbox, resolvePage } from './resolve'

const row = (rule: string, key: string, unitId = 3) => ({ rule, key, person_id: 42, unit: { id: unitId, name: '昌元街道司法所', kind: 'judicial_office' as const } })

describe('workbench task helpers', () => {
  it('matches a row to the person task it qualifies', () => {
    expect(isSameTask('2022-09-30/R-VIS-1/2022H2', 'R-VIS-1/2022H2')).toBe(true)
    expect(isSameTask('2026-06-10/R-REG-1', 'R-REG-1')).toBe(true)
    expect(isSameTask('R-REG-1', 'R-REG-1')).toBe(true)
    expect(isSameTask('2022-09-30/R-VIS-1/2022H2', 'R-VIS-1/2023H1')).toBe(false)
    expect(isSameTask('2026-06-10/R-LNK-4/notice', 'R-LNK-4/reply')).toBe(false)
  })

  it('knows the duties answered from the inbox', () => {
    expect(answeredFromInbox(row('R-LNK-2', '2026-12-01/R-LNK-2'))).toBe(true)
    expect(answeredFromInbox(row('R-LNK-4', '2026-12-01/R-LNK-4/reply'))).toBe(true)
    expect(answeredFromInbox(row('R-LNK-4', '2026-12-01/R-LNK-4/notice'))).toBe(false)
    expect(answeredFromInbox(row('R-VIS-1', '2026-12-01/R-VIS-1/2026H2'))).toBe(false)
  })

  it('sends inbox duties of my own unit to the inbox, everything else to the file', () => {
    const me = { unitId: 3, canInbox: true }
    expect(resolvePage(row('R-LNK-2', 'x/R-LNK-2'), me)).toEqual({ name: 'document-inbox' })
    expect(resolvePage(row('R-LNK-2', 'x/R-LNK-2', 9), me)).toEqual({ name: 'person-detail', params: { id: 42 } })
    expect(resolvePage(row('R-LNK-2', 'x/R-LNK-2'), { unitId: 3, canInbox: false })).toEqual({ name: 'person-detail', params: { id: 42 } })
    expect(resolvePage(row('R-VIS-1', 'x/R-VIS-1/2026H2'), me)).toEqual({ name: 'person-detail', params: { id: 42 } })
    expect(resolvePage(row('R-ALW-2', 'x/R-ALW-2/7'), me)).toEqual({ name: 'person-detail', params: { id: 42 }, hash: '#allowance' })
    expect(resolvePage(row('R-ALW-1', 'x/R-ALW-1/7/2026-11'), me)).toEqual({ name: 'allowance-payments' })
    expect(resolvedInInbox(row('R-LNK-4', 'x/R-LNK-4/reply'), me)).toBe(true)
    expect(resolvedInInbox(row('R-LNK-4', 'x/R-LNK-4/reply'), { canInbox: true })).toBe(false)
  })

  it('opens the file at 帮教小组 for R_ORG_3 and at 帮教方案 for R_ORG_4', () => {
    const me = { unitId: 2, canInbox: true }
    expect(resolvePage(row('R-ORG-3', '2026-11-01/R-ORG-3', 2), me)).toEqual({ name: 'person-detail', params: { id: 42 }, hash: '#help-group' })
    expect(resolvePage(row('R-ORG-4', '2026-11-01/R-ORG-4/revision/2026-11-20', 2), me)).toEqual({ name: 'person-detail', params: { id: 42 }, hash: '#help-plan' })
  })

  it('opens the file at its family changes for the help owed after one (R-LNK-3)', () => {
    const me = { unitId: 2, canInbox: false }
    expect(resolvePage(row('R-LNK-3', '2027-06-15/R-LNK-3/2026-11-27/1', 2), me)).toEqual({ name: 'person-detail', params: { id: 42 }, hash: '#family' })
  })
})
