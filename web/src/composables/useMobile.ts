import { onBeforeUnmount, ref } from 'vue'

/** True on phone-sized screens (≤ 768 px), kept up to date. */
export function useMobile(query = '(max-width: 768px)') {
  const mql = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const isMobile = ref(mql?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => (isMobile.value = e.matches)
  mql?.addEventListener('change', onChange)
  onBeforeUnmount(() => mql?.removeEventListener('change', onChange))
  return isMobile
}
