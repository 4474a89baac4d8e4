// The sidebar: pages by permission; 规则说明 for every signed-in user.
import { describe, expect, it } from 'vitest'
import { buildMenu } from './menu'

const names = (can: (p: string | undefined) => boolean) => buildMenu(can).flatMap((g) => g.items.map((i) => i.name))

describe('buildMenu', () => {
  it('offers 规则说明 to a user without any permission', () => {
    expect(names((p) => p === undefined)).toEqual(['workbench', 'rules'])
  })

  it('offers the allowance pages to each of their roles (issue 10)', () => {
    const of = (...perms: string[]) => names((p) => p === undefined || perms.includes(p)).filter((n) => n.startsWith('allowance-'))
    expect(of('allowance:certify')).toEqual(['allowance-work', 'allowance-standards'])
    expect(of('allowance:approve', 'allowance:report')).toEqual(['allowance-work', 'allowance-payments', 'allowance-report', 'allowance-standards'])
    expect(of('allowance:pay')).toEqual(['allowance-payments', 'allowance-report', 'allowance-standards'])
    expect(of('allowance:report')).toEqual(['allowance-payments', 'allowance-report', 'allowance-standards'])
    expect(of('policy:manage')).toEqual(['allowance-standards'])
    expect(of('person:read')).toEqual([])
  })

  it('offers pages by permission', () => {
    expect(names((p) => p === undefined || p === 'audit:read')).toEqual(['workbench', 'rules', 'audit'])
  })
})
