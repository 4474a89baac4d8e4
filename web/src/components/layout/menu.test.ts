// The sidebar: pages by permission; 规则说明 for every signed-in user.
import { describe, expect, it } from 'vitest'
import { buildMenu } from './menu'

const names = (can: (p: string | undefined) => boolean) => buildMenu(can).flatMap((g) => g.items.map((i) => i.name))

describe('buildMenu', () => {
  it('offers 规则说明 to a user without any permission', () => {
    expect(names((p) => p === undefined)).toEqual(['workbench', 'rules'])
  })

  it('offers pages by permission', () => {
    expect(names((p) => p === undefined || p === 'audit:read')).toEqual(['workbench', 'rules', 'audit'])
  })
})
