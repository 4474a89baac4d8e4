// The ID number on the person file: masked by default for everyone; a user with person:id_full
// unmasks it explicitly (显示完整号码), each time through POST /persons/{id}/id-number, which the
// server records as its own access record (id_unmask). The full number is never kept beyond the
// page and never put in a URL.
import { computed, ref, type ComputedRef, type Ref } from 'vue'

export interface IdNumberView {
  /** What the page shows: the full number while unmasked, otherwise the masked one ('' without a number). */
  shown: ComputedRef<string>
  /** Whether the full number is shown. */
  unmasked: ComputedRef<boolean>
  /** Whether the 显示完整号码 button is offered. */
  canUnmask: ComputedRef<boolean>
  loading: Ref<boolean>
  /** Asks the server for the full number (audited there); errors are the caller's to show. */
  unmask: () => Promise<void>
  /** Back to the masked number (the full one is forgotten). */
  mask: () => void
}

export function useIdNumberView(
  masked: () => string | null | undefined,
  mayUnmask: () => boolean,
  fetchFull: () => Promise<string | null>,
): IdNumberView {
  const full = ref<string | null>(null)
  const loading = ref(false)
  const unmasked = computed(() => full.value !== null)
  const shown = computed(() => full.value ?? masked() ?? '')
  const canUnmask = computed(() => mayUnmask() && !!masked() && full.value === null)
  async function unmask(): Promise<void> {
    if (!canUnmask.value || loading.value) return
    loading.value = true
    try {
      full.value = await fetchFull()
    } finally {
      loading.value = false
    }
  }
  function mask(): void {
    full.value = null
  }
  return { shown, unmasked, canUnmask, loading, unmask, mask }
}
