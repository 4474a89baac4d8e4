import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type Me } from '@/api/auth'
import { ApiError } from '@/api/http'
import { syncServerClock } from '@/utils/clock'

export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null)
  /** True once the session has been probed (GET /auth/me) at least once. */
  const loaded = ref(false)

  const loggedIn = computed(() => me.value !== null)
  const permissions = computed(() => new Set(me.value?.permissions ?? []))
  const csrfToken = computed(() => me.value?.csrf_token ?? '')
  const mustChangePassword = computed(() => me.value?.user.must_change_password === true)

  function can(permission: string | undefined): boolean {
    return !permission || permissions.value.has(permission)
  }

  /** Loads the current session; null when not logged in. Other errors propagate. */
  async function fetchMe(): Promise<Me | null> {
    try {
      me.value = await authApi.me()
      syncServerClock(me.value)
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) me.value = null
      else throw e
    } finally {
      loaded.value = true
    }
    return me.value
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await fetchMe()
  }

  async function login(username: string, password: string): Promise<Me> {
    me.value = await authApi.login(username, password)
    syncServerClock(me.value)
    loaded.value = true
    return me.value
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword(oldPassword, newPassword)
    // The server clears must_change_password; refresh the session (a new CSRF token may come too).
    await fetchMe()
  }

  function clear(): void {
    me.value = null
    loaded.value = true
  }

  return { me, loaded, loggedIn, permissions, csrfToken, mustChangePassword, can, fetchMe, ensureLoaded, login, logout, changePassword, clear }
})
