import { describe, expect, it } from 'vitest'
import { messages } from './index'

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix]
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('locales', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort())
  })

  it('has no empty message', () => {
    for (const l of ['zh-CN', 'en'] as const) {
      const empty = keys(messages[l]).filter((k) => {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages[l])
        return typeof v !== 'string' || v.trim() === ''
      })
      expect(empty, l).toEqual([])
    }
  })

  it('names every audit action of the contract', async () => {
    const { AUDIT_ACTIONS } = await import('@/api/audit')
    for (const a of AUDIT_ACTIONS) {
      expect(messages['zh-CN'].audit.actions).toHaveProperty(a)
    }
  })
})
