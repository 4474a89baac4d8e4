// Every permission of the role matrix (docs/demo-accounts.md, which an API test ties to the server's
// roles) has its resource worded on the 角色权限 page in both languages.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import zh from '@/locales/zh-CN/admin'
import en from '@/locales/en/admin'

const doc = readFileSync(new URL('../../../../docs/demo-accounts.md', import.meta.url), 'utf8')
const block = doc.split('<!-- role-matrix:start -->')[1].split('<!-- role-matrix:end -->')[0]
const resources = [...new Set([...block.matchAll(/^\| `([a-z_]+):[a-z_]+`/gm)].map((m) => m[1]))]

describe('the role matrix', () => {
  it('names the resource of every permission', () => {
    expect(resources.length).toBeGreaterThanOrEqual(10)
    for (const r of resources) {
      expect(zh.roles.resource, r).toHaveProperty(r)
      expect(en.roles.resource, r).toHaveProperty(r)
    }
  })
})
