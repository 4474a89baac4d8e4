import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'

export interface SessionView {
  loggedIn: boolean
  mustChangePassword: boolean
  can: (permission: string | undefined) => boolean
}

/** A page's meta.permission held: none needed, the one named, or any one of a list (issue 10). */
export function allowed(can: (permission: string | undefined) => boolean, permission: string | readonly string[] | undefined): boolean {
  if (typeof permission === 'string' || permission === undefined) return can(permission)
  return permission.some((p) => can(p))
}

/**
 * Where navigation to `to` should go instead, or true to allow it. Pure, so it is unit-tested:
 * - pages need a session unless meta.public (then /login, remembering the target path);
 * - while must_change_password is set only /change-password is reachable;
 * - a page's meta.permission must be held (any one of a list), otherwise /forbidden.
 */
export function decide(to: Pick<RouteLocationNormalized, 'name' | 'fullPath' | 'meta'>, s: SessionView): true | RouteLocationRaw {
  if (to.meta.public) {
    if (to.name === 'login' && s.loggedIn) return s.mustChangePassword ? { name: 'change-password' } : { name: 'workbench' }
    return true
  }
  if (!s.loggedIn) {
    const redirect = to.fullPath && to.fullPath !== '/' ? to.fullPath : undefined
    return { name: 'login', query: redirect ? { redirect } : {} }
  }
  if (s.mustChangePassword && to.name !== 'change-password') return { name: 'change-password' }
  if (!allowed(s.can, to.meta.permission)) return { name: 'forbidden' }
  return true
}

/** Only same-app absolute paths are accepted as a post-login redirect. */
export function safeRedirect(v: unknown): string | null {
  if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/login')) return null
  return v
}
