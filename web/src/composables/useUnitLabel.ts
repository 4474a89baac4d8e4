import { onMounted } from 'vue'
import { useDictStore } from '@/stores/dicts'
import { unitLabel, type UnitLike } from '@/utils/unitTree'

/**
 * unitLabel over the session's unit tree (loaded on mount if need be): `label(ref)` names a village
 * with its township, "昌元街道 / 玉屏社区", any other unit by its name.
 */
export function useUnitLabel() {
  const dicts = useDictStore()
  onMounted(() => {
    dicts.loadUnits().catch(() => undefined) // without the tree, the answer's path is used
  })
  return (ref: UnitLike | null | undefined): string => unitLabel(dicts.unitById, ref)
}
