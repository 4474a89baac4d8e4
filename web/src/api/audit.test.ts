import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { AUDIT_ACTIONS } from './audit'
import zh from '@/locales/zh-CN/audit'
import en from '@/locales/en/audit'

// The server's one list of audit action codes (a record with any other code is logged as an error).
const hpp = readFileSync(new URL('../../../src/app/core/audit_actions.hpp', import.meta.url), 'utf8')
const block = hpp.slice(hpp.indexOf('kAuditActions[] = {'), hpp.indexOf('};', hpp.indexOf('kAuditActions[] = {')))
const serverActions = [...block.matchAll(/"([a-z_]+)"/g)].map((m) => m[1])

describe('audit actions', () => {
  it('the web app knows exactly the server’s action codes', () => {
    expect(serverActions.length).toBeGreaterThan(30)
    expect([...AUDIT_ACTIONS].sort()).toEqual([...serverActions].sort())
  })

  it('names each of them in Chinese and English', () => {
    for (const a of serverActions) {
      expect(zh.actions, a).toHaveProperty(a)
      expect(en.actions, a).toHaveProperty(a)
    }
  })
})
