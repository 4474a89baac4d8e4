import { createRouter, createWebHistory } from 'vue-router'
import { configureHttp } from '@/api/http'
import { t } from '@/locales'
import { useAuthStore } from '@/stores/auth'
import { showError } from '@/utils/errors'
import { decide } from './guard'
import { routes } from './routes'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  // A hash change within one page (the 规则说明 page's #R-… links) leaves scrolling to the page.
  scrollBehavior: (to, from) => (to.hash && to.path === from.path ? false : { top: 0 }),
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  try {
    await auth.ensureLoaded()
  } catch (e) {
    // The server could not be asked; treat as logged out and say why.
    showError(e)
    auth.clear()
  }
  return decide(to, { loggedIn: auth.loggedIn, mustChangePassword: auth.mustChangePassword, can: auth.can })
})

router.afterEach((to) => {
  const title = to.meta.title ? `${t(to.meta.title)} - ` : ''
  document.title = title + t('app.title')
})

/** Connects the HTTP layer to the session: CSRF header, expired session, forced password change. */
export function installHttpHooks(): void {
  configureHttp({
    csrfToken: () => useAuthStore().csrfToken,
    onUnauthorized: () => {
      const auth = useAuthStore()
      const wasLoggedIn = auth.loggedIn
      auth.clear()
      const current = router.currentRoute.value
      if (current.meta.public) return
      if (wasLoggedIn) ElMessage.warning({ message: t('msg.sessionExpired'), grouping: true })
      void router.replace({ name: 'login', query: { redirect: current.fullPath } })
    },
    onPasswordChangeRequired: () => {
      const auth = useAuthStore()
      if (auth.me) auth.me.user.must_change_password = true
      if (router.currentRoute.value.name !== 'change-password') {
        ElMessage.warning({ message: t('msg.passwordChangeRequired'), grouping: true })
        void router.replace({ name: 'change-password' })
      }
    },
  })
}
