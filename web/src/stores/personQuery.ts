import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PersonFilter, PersonSort, PersonStatus } from '@/api/persons'
import type { Schemas } from '@/api/types'

/**
 * The person list's query, kept in memory (never in the URL: keywords may be names or ID
 * numbers), so that coming back from a file restores the list as it was.
 */
export interface PersonQueryForm {
  q: string
  status: PersonStatus | ''
  released: [string, string] | null
  identity_verified: '' | 'true' | 'false'
  separated: '' | 'true' | 'false'
  key_subject: '' | 'true' | 'false'
  /** 安置情况 (issue 9): a status, 'resettled' for any resettled, '' for all. */
  resettlement: Schemas['ResettlementFilter']
}

export function emptyForm(): PersonQueryForm {
  return { q: '', status: '', released: null, identity_verified: '', separated: '', key_subject: '', resettlement: '' }
}

const bool = (v: '' | 'true' | 'false'): boolean | undefined => (v === '' ? undefined : v === 'true')

export const usePersonQueryStore = defineStore('personQuery', () => {
  const form = ref<PersonQueryForm>(emptyForm())
  /** The filters of the last search (the form as it was when "search" was pressed). */
  const applied = ref<PersonQueryForm>(emptyForm())
  const unitId = ref<number | undefined>(undefined)
  const sort = ref<PersonSort | undefined>(undefined)
  const order = ref<'asc' | 'desc' | undefined>(undefined)
  const page = ref(1)
  const pageSize = ref(20)

  function apply(): void {
    applied.value = { ...form.value, released: form.value.released ? [...form.value.released] : null }
    page.value = 1
  }

  function reset(): void {
    form.value = emptyForm()
    unitId.value = undefined
    apply()
  }

  /** The filters as GET /persons and the export body take them. */
  function filter(): PersonFilter {
    const a = applied.value
    return {
      q: a.q.trim() || undefined,
      unit_id: unitId.value,
      status: a.status || undefined,
      released_from: a.released?.[0] || undefined,
      released_to: a.released?.[1] || undefined,
      identity_verified: bool(a.identity_verified),
      separated: bool(a.separated),
      key_subject: bool(a.key_subject),
      resettlement: a.resettlement || undefined,
      sort: sort.value,
      order: sort.value ? order.value : undefined,
    }
  }

  return { form, applied, unitId, sort, order, page, pageSize, apply, reset, filter }
})
