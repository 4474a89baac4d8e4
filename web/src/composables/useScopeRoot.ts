import { computed } from 'vue'
import { useAuthStore } from '@/stores/auth'
import { useDictStore } from '@/stores/dicts'
import { AREA_KINDS, nearestOfKind } from '@/utils/unitTree'

/**
 * The area unit at the top of the caller's jurisdiction (R-JUR-1), for trees that filter persons:
 * null (the whole district) for district scope; otherwise the scope unit or, for a judicial office
 * or police station, the township it belongs to.
 */
export function useScopeRoot() {
  const auth = useAuthStore()
  const dicts = useDictStore()
  return computed<number | null>(() => {
    const me = auth.me
    if (!me || me.scope === 'district' || !me.scope_unit) return null
    return nearestOfKind(dicts.units, me.scope_unit.id, AREA_KINDS)?.id ?? null
  })
}
