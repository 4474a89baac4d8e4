import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { dictsApi, type Charge, type EducationLevel, type EthnicGroup } from '@/api/dicts'
import { unitsApi, type Unit } from '@/api/units'

/**
 * Cache of the code tables (/dicts/*) and of the unit tree (/units). Each is fetched once per
 * session on first use; `reloadUnits()` after the unit admin page changes something.
 */
export const useDictStore = defineStore('dicts', () => {
  const ethnicGroups = ref<EthnicGroup[]>([])
  const educationLevels = ref<EducationLevel[]>([])
  const charges = ref<Charge[]>([])
  const units = ref<Unit[]>([])

  const pending = new Map<string, Promise<void>>()

  function once(key: string, load: () => Promise<void>): Promise<void> {
    let p = pending.get(key)
    if (!p) {
      p = load().catch((e: unknown) => {
        pending.delete(key)
        throw e
      })
      pending.set(key, p)
    }
    return p
  }

  const loadEthnicGroups = () => once('ethnic', async () => void (ethnicGroups.value = (await dictsApi.ethnicGroups()).items))
  const loadEducationLevels = () => once('education', async () => void (educationLevels.value = (await dictsApi.educationLevels()).items))
  const loadCharges = () => once('charges', async () => void (charges.value = (await dictsApi.charges()).items))
  const loadUnits = () => once('units', async () => void (units.value = (await unitsApi.list()).items))

  async function reloadUnits(): Promise<void> {
    pending.delete('units')
    await loadUnits()
  }

  const ethnicName = computed(() => new Map(ethnicGroups.value.map((e) => [e.code, e.name])))
  const educationName = computed(() => new Map(educationLevels.value.map((e) => [e.code, e.name])))
  const unitById = computed(() => new Map(units.value.map((u) => [u.id, u])))

  /** Charges grouped by chapter, in chapter order, for el-option-group. */
  const chargeGroups = computed(() => {
    const groups = new Map<number, { chapter: number; label: string; options: Charge[] }>()
    for (const c of charges.value) {
      let g = groups.get(c.chapter)
      if (!g) {
        g = { chapter: c.chapter, label: c.chapter_name, options: [] }
        groups.set(c.chapter, g)
      }
      g.options.push(c)
    }
    return [...groups.values()].sort((a, b) => a.chapter - b.chapter)
  })

  function clear(): void {
    pending.clear()
    ethnicGroups.value = []
    educationLevels.value = []
    charges.value = []
    units.value = []
  }

  return {
    ethnicGroups, educationLevels, charges, units,
    loadEthnicGroups, loadEducationLevels, loadCharges, loadUnits, reloadUnits,
    ethnicName, educationName, unitById, chargeGroups, clear,
  }
})
