import { ref, type Ref } from 'vue'
import { showError } from '@/utils/errors'

export interface Page<T> {
  items: T[]
  total: number
}

/**
 * The state of a paged list loaded from the server: rows, total, page, page size and a loading
 * flag; `load` fetches the current page (errors shown as a message), `reload` goes back to page 1.
 */
export function usePagedList<T>(fetch: (page: number, pageSize: number) => Promise<Page<T>>) {
  const rows = ref([]) as Ref<T[]>
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  // A list is loading until its first answer: its empty text waits for it (ListEmpty).
  const loading = ref(true)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const r = await fetch(page.value, pageSize.value)
      rows.value = r.items
      total.value = r.total
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  function reload(): Promise<void> {
    page.value = 1
    return load()
  }

  return { rows, total, page, pageSize, loading, load, reload }
}
