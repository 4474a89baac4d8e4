import { describe, expect, it } from 'vitest'
import { decide, safeRedirect, type SessionView } from './guard'

const session = (over: Partial<SessionView> = {}): SessionView => ({
  loggedIn: true,
  mustChangePassword: false,
  can: () => true,
  ...over,
})
const route = (name: string, meta: Record<string, unknown> = {}, fullPath = `/${name}`) => ({ name, meta, fullPath })

describe('route guard', () => {
  it('sends anonymous users to login, remembering the target', () => {
    expect(decide(route('person-detail', {}, '/persons/12'), session({ loggedIn: false }))).toEqual({ name: 'login', query: { redirect: '/persons/12' } })
    expect(decide(route('login', { public: true }), session({ loggedIn: false }))).toBe(true)
  })

  it('forces the password change page', () => {
    const s = session({ mustChangePassword: true })
    expect(decide(route('person-list', { permission: 'person:read' }), s)).toEqual({ name: 'change-password' })
    expect(decide(route('change-password'), s)).toBe(true)
    expect(decide(route('login', { public: true }), s)).toEqual({ name: 'change-password' })
  })

  it('lets a page need any one of several permissions (issue 10: 补助金审批)', () => {
    const work = route('allowance-work', { permission: ['allowance:apply', 'allowance:certify', 'allowance:approve'] })
    expect(decide(work, session({ can: (p) => p === 'allowance:certify' }))).toBe(true)
    expect(decide(work, session({ can: (p) => p === 'person:read' }))).toEqual({ name: 'forbidden' })
  })

  it('checks the page permission', () => {
    const s = session({ can: (p) => p !== 'audit:read' })
    expect(decide(route('audit', { permission: 'audit:read' }), s)).toEqual({ name: 'forbidden' })
    expect(decide(route('person-list', { permission: 'person:read' }), s)).toBe(true)
  })

  it('keeps logged-in users away from the login page', () => {
    expect(decide(route('login', { public: true }), session())).toEqual({ name: 'workbench' })
  })

  it('accepts only in-app redirects', () => {
    expect(safeRedirect('/persons/3')).toBe('/persons/3')
    expect(safeRedirect('//evil.example/')).toBeNull()
    expect(safeRedirect('https://evil.example/')).toBeNull()
    expect(safeRedirect('/login?x=1')).toBeNull()
    expect(safeRedirect(undefined)).toBeNull()
  })
})
