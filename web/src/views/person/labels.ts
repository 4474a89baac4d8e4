// Turns stored codes into names for display (person file, timeline, audit detail).
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDictStore } from '@/stores/dicts'

export function usePersonLabels() {
  const { t, te } = useI18n()
  const dicts = useDictStore()

  /** Label of a person field; the raw name if there is none (e.g. a field added later). */
  function fieldLabel(field: string): string {
    const key = `person.field.${field}`
    return te(key) ? t(key) : field
  }

  function enumLabel(group: string, v: string | null | undefined): string {
    if (v == null || v === '') return ''
    const key = `person.${group}.${v}`
    return te(key) ? t(key) : v
  }

  const chargeName = computed(() => new Map(dicts.charges.map((c) => [String(c.id), c.name])))

  /** A field value as the user should read it (codes as names). */
  function valueLabel(field: string, v: string | null | undefined): string {
    if (v == null || v === '') return ''
    switch (field) {
      case 'gender':
        return enumLabel('gender', v)
      case 'status':
        return enumLabel('status', v)
      case 'release_kind':
        return enumLabel('releaseKind', v)
      case 'sentence_type':
        return enumLabel('sentenceType', v)
      case 'ethnic_code':
        return dicts.ethnicName.get(v) ?? v
      case 'education_code':
        return dicts.educationName.get(v) ?? v
      case 'household_unit_id':
      case 'residence_unit_id':
        return dicts.unitById.get(Number(v))?.name ?? v
      case 'identity_verified':
      case 'separated':
        return v === 'true' ? t('word.yes') : v === 'false' ? t('word.no') : v
      case 'charge_ids':
        return v
          .replace(/[[\]\s]/g, '')
          .split(',')
          .filter(Boolean)
          .map((id) => chargeName.value.get(id) ?? id)
          .join('、')
      default:
        return v
    }
  }

  return { fieldLabel, enumLabel, valueLabel }
}
