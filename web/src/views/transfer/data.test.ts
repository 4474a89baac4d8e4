import { describe, expect, it } from 'vitest'
import { canDecide, canWithdraw, isTransferTarget, needsNewAddress, pendingOf, transferStateTag, transferToInput } from './data'

describe('transfer helpers', () => {
  it('colours states', () => {
    expect(transferStateTag('pending')).toBe('warning')
    expect(transferStateTag('accepted')).toBe('success')
    expect(transferStateTag('rejected')).toBe('danger')
    expect(transferStateTag('odd')).toBe('info')
  })

  it('lets only pending transfers be decided', () => {
    expect(canDecide({ state: 'pending' })).toBe(true)
    expect(canDecide({ state: 'accepted' })).toBe(false)
    expect(canDecide({ state: 'rejected' })).toBe(false)
  })

  it('accepts villages and townships as targets', () => {
    expect(isTransferTarget({ kind: 'village', active: true })).toBe(true)
    expect(isTransferTarget({ kind: 'township', active: true })).toBe(true)
    expect(isTransferTarget({ kind: 'judicial_office', active: true })).toBe(false)
    expect(isTransferTarget({ kind: 'village', active: false })).toBe(false)
  })

  it('builds the request body only when complete', () => {
    expect(transferToInput({ kind: 'residence', to_unit_id: null, reason: 'x' })).toBeNull()
    expect(transferToInput({ kind: 'residence', to_unit_id: 3, reason: '  ' })).toBeNull()
    expect(transferToInput({ kind: 'residence', to_unit_id: 3, reason: ' 搬家 ' })).toEqual({ kind: 'residence', to_unit_id: 3, reason: '搬家' })
  })

  it('asks for the new address when the household registration moves', () => {
    expect(needsNewAddress('household')).toBe(true)
    expect(needsNewAddress('identity_established')).toBe(true)
    expect(needsNewAddress('residence')).toBe(false)
    expect(transferToInput({ kind: 'household', to_unit_id: 3, reason: '搬家', new_address: ' ' })).toBeNull()
    expect(transferToInput({ kind: 'household', to_unit_id: 3, reason: '搬家', new_address: ' 仁义镇新街1号 ' })).toEqual({
      kind: 'household',
      to_unit_id: 3,
      reason: '搬家',
      new_address: '仁义镇新街1号',
    })
    // A residence move may carry its new address too.
    expect(transferToInput({ kind: 'residence', to_unit_id: 3, reason: '搬家', new_address: '玉屏社区2号' })?.new_address).toBe('玉屏社区2号')
  })

  it('withdraws only a pending transfer, and only with the right to change the file', () => {
    expect(canWithdraw({ state: 'pending' }, true)).toBe(true)
    expect(canWithdraw({ state: 'pending' }, false)).toBe(false)
    expect(canWithdraw({ state: 'accepted' }, true)).toBe(false)
    expect(canWithdraw({ state: 'withdrawn' }, true)).toBe(false)
    expect(transferStateTag('withdrawn')).toBe('info')
    expect(pendingOf([{ state: 'withdrawn' }, { state: 'pending' }])).toEqual({ state: 'pending' })
    expect(pendingOf([{ state: 'rejected' }])).toBeUndefined()
  })
})
