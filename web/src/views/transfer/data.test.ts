import { describe, expect, it } from 'vitest'
import { canDecide, isTransferTarget, transferStateTag, transferToInput } from './data'

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
    expect(transferToInput({ kind: 'household', to_unit_id: 3, reason: ' 搬家 ' })).toEqual({ kind: 'household', to_unit_id: 3, reason: '搬家' })
  })
})
